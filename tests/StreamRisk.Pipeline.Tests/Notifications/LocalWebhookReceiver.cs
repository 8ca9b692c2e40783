using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace StreamRisk.Pipeline.Tests.Notifications;

/// <summary>A real HTTP receiver on loopback that answers each request with the next scripted status (the last one
/// repeats), optionally after a delay, and keeps what it received.</summary>
internal sealed class LocalWebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(int Status, TimeSpan Delay)> _script = new();
    private (int Status, TimeSpan Delay) _last = (204, TimeSpan.Zero);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LocalWebhookReceiver(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _script.Enqueue((status, TimeSpan.Zero));
        }
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/hook/");
        _listener.Prefixes.Add(Url.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public ConcurrentQueue<(IReadOnlyDictionary<string, string> Headers, byte[] Body)> Received { get; } = new();

    public void Then(int status, TimeSpan delay = default) => _script.Enqueue((status, delay));

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(async () =>
            {
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                var headers = context.Request.Headers.AllKeys.ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
                Received.Enqueue((headers, body.ToArray()));
                var (status, delay) = _script.TryDequeue(out var next) ? _last = next : _last;
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay);
                }
                context.Response.StatusCode = status;
                context.Response.Close();
            });
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }
        _stop.Dispose();
    }
}
