using System.Net.Http.Headers;
using System.Text;

namespace StreamRisk.Bench.Fanout;

/// <summary>SSE clients of <c>/api/v1/stream</c>, one connection per API key, each noting when every event arrives.</summary>
internal sealed class SseClients : IAsyncDisposable
{
    private const string EventIdField = "\"event_id\":\"";

    private readonly HttpClient _http;
    private readonly List<Task> _readers = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly LatencyLog _log;
    private int _open;
    private int _failed;

    public SseClients(Uri server, LatencyLog log)
    {
        _log = log;
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = server,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Connected streams (headers and the first <c>retry:</c> line received).</summary>
    public int Open => Volatile.Read(ref _open);

    public int Failed => Volatile.Read(ref _failed);

    public void Connect(IEnumerable<string> tokens)
    {
        foreach (var token in tokens)
        {
            _readers.Add(Task.Run(() => ReadAsync(token)));
        }
    }

    private async Task ReadAsync(string token)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stream");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token), Encoding.UTF8);
            var counted = false;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (!counted && line.StartsWith("retry:", StringComparison.Ordinal))
                {
                    counted = true;
                    Interlocked.Increment(ref _open);
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    // The entry's own event_id comes first in the data line; a substring is enough and costs the client little.
                    var at = line.IndexOf(EventIdField, StringComparison.Ordinal) + EventIdField.Length;
                    _log.Sse(line[at..line.IndexOf('"', at)]);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            Interlocked.Increment(ref _failed);
            Console.Error.WriteLine($"stream failed: {e.Message}");
        }
    }

    private bool _disposed;

    /// <summary>Closes every stream; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        await _stop.CancelAsync();
        await Task.WhenAll(_readers);
        _http.Dispose();
        _stop.Dispose();
    }
}
