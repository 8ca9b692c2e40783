using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace StreamRisk.Nlp.Tests.Llm;

/// <summary>
/// An OpenAI-compatible chat server on 127.0.0.1 (Kestrel, real HTTP) that answers <c>POST /v1/chat/completions</c>
/// from a script: a status, an answer text or a raw body, and a delay. Once the script runs out, its last step repeats.
/// Records every request body and the most requests seen in flight at once.
/// </summary>
internal sealed class FakeOpenAiServer : IAsyncDisposable
{
    public sealed record Step(int Status = 200, string? Content = null, string? RawBody = null, TimeSpan Delay = default);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Step> _script = new();
    private Step _last = new(Content: "{\"reason\": \"ok\", \"sentiment\": 0, \"topics\": []}");
    private int _inFlight;
    private int _maxInFlight;

    private FakeOpenAiServer(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Requests { get; } = new();
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);
    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakeOpenAiServer> StartAsync(params Step[] script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        foreach (var step in script) server._script.Enqueue(step);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.First());
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var now = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, now);
        try
        {
            using var reader = new StreamReader(context.Request.Body);
            Requests.Enqueue(await reader.ReadToEndAsync());
            var step = _script.TryDequeue(out var next) ? _last = next : _last;
            if (step.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(step.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            context.Response.StatusCode = step.Status;
            context.Response.ContentType = "application/json";
            var body = step.RawBody ?? (step.Status == 200
                ? Completion(step.Content ?? "")
                : JsonSerializer.Serialize(new { error = new { message = $"fake error {step.Status}", type = "server_error" } }));
            await context.Response.WriteAsync(body);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static string Completion(string content) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-fake",
        @object = "chat.completion",
        created = 1_764_892_800,
        model = "fake-model",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
    });

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
