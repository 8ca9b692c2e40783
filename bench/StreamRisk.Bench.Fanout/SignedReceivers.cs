using System.Net;
using System.Net.Sockets;
using StreamRisk.Core.Delivery;
using StreamRisk.Pipeline.Notifications;

namespace StreamRisk.Bench.Fanout;

/// <summary>
/// Webhook receivers on loopback, each on its own port with its own secret, that do what a real receiver must: check the
/// HMAC signature over the body before accepting it. A request with a bad signature is answered 401 and counted.
/// </summary>
internal sealed class SignedReceivers : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<int, byte[]> _secretOfPort = [];
    private readonly LatencyLog _log;
    private readonly Task _loop;
    private int _rejected;

    public SignedReceivers(int count, LatencyLog log)
    {
        _log = log;
        for (var i = 0; i < count; i++)
        {
            var port = FreePort();
            var secret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
            _secretOfPort[port] = secret;
            var url = new Uri($"http://127.0.0.1:{port}/hook/");
            _listener.Prefixes.Add(url.AbsoluteUri);
            Receivers.Add((url, secret));
        }
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public List<(Uri Url, byte[] Secret)> Receivers { get; } = [];

    public int Rejected => Volatile.Read(ref _rejected);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var secret = _secretOfPort[context.Request.LocalEndPoint.Port];
        var check = WebhookSignature.Verify(context.Request.Headers[WebhookSignature.Header], secret, body.ToArray(), DateTimeOffset.UtcNow,
            WebhookSignature.DefaultTolerance);
        if (check == SignatureCheck.Valid)
        {
            _log.Webhook(context.Request.Headers[WebhookDispatcher.EventIdHeader] ?? "");
            context.Response.StatusCode = 204;
        }
        else
        {
            Interlocked.Increment(ref _rejected);
            context.Response.StatusCode = 401;
        }
        context.Response.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
