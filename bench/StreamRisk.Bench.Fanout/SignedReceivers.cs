using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StreamRisk.Core.Delivery;
using StreamRisk.Pipeline.Notifications;

namespace StreamRisk.Bench.Fanout;

/// <summary>
/// Webhook receivers on loopback, each on its own port with its own secret, that do what a real receiver must: check the
/// HMAC signature over the body before accepting it. A request with a bad signature is answered 401 and counted. One
/// Kestrel server listens on all the ports (HttpListener, tried first, paired headers with the wrong body under load).
/// </summary>
internal sealed class SignedReceivers : IAsyncDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte[]> _secretOfPort = new();
    private readonly LatencyLog _log;
    private readonly WebApplication _app;
    private int _rejected;

    public static async Task<SignedReceivers> StartAsync(int count, LatencyLog log)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Port 0 for each: the system picks free ports at bind time, so nothing else can take one in between.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            for (var i = 0; i < count; i++)
            {
                kestrel.Listen(IPAddress.Loopback, 0);
            }
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var receivers = new SignedReceivers(log, builder.Build());
        receivers._app.MapPost("/hook/", receivers.AnswerAsync);
        await receivers._app.StartAsync();
        foreach (var address in receivers._app.Urls)
        {
            var url = new Uri(new Uri(address), "/hook/");
            var secret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
            receivers._secretOfPort[url.Port] = secret;
            receivers.Receivers.Add((url, secret));
        }
        return receivers;
    }

    private SignedReceivers(LatencyLog log, WebApplication app)
    {
        _log = log;
        _app = app;
    }

    public List<(Uri Url, byte[] Secret)> Receivers { get; } = [];

    public int Rejected => Volatile.Read(ref _rejected);

    private async Task AnswerAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var secret = _secretOfPort[context.Connection.LocalPort];
        var check = WebhookSignature.Verify(context.Request.Headers[WebhookSignature.Header], secret, body.ToArray(), DateTimeOffset.UtcNow,
            WebhookSignature.DefaultTolerance);
        if (check != SignatureCheck.Valid)
        {
            Interlocked.Increment(ref _rejected);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        _log.Webhook(context.Request.Headers[WebhookDispatcher.EventIdHeader].ToString());
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
