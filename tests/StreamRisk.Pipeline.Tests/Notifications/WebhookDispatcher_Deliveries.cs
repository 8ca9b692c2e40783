using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StreamRisk.Core.Access;
using StreamRisk.Core.Delivery;
using StreamRisk.Core.Subscriptions;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Notifications;

namespace StreamRisk.Pipeline.Tests.Notifications;

/// <summary>The dispatcher against a real HTTP receiver on loopback: signing, retries with backoff, dead-lettering,
/// timeouts and redelivery, each recorded in the delivery log.</summary>
public sealed class WebhookDispatcher_Deliveries : IAsyncLifetime
{
    private static readonly byte[] Secret = Encoding.ASCII.GetBytes("a webhook secret of 32 bytes!!!!");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "streamrisk-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private SqliteSubscriptionStore _store = null!;

    // Generous: a loaded test machine must not turn a slow answer into a failed attempt (one test shortens it on purpose).
    private static readonly WebhookOptions Options = new(TimeSpan.FromSeconds(20), 4, 100, TimeSpan.FromMilliseconds(10),
        new RetryBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 3));

    public async Task InitializeAsync()
    {
        var path = Path.Combine(_folder, "store.db");
        _store = new SqliteSubscriptionStore(path);
        await _store.MigrateAsync();
        await using var teams = new SqliteTeamStore(path);
        await teams.AddTeamAsync(new Team("desk", "Desk", _time.GetUtcNow()));
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private WebhookDispatcher Dispatcher(WebhookOptions? options = null) => new(_store, _http, options ?? Options, _time, NullLogger.Instance);

    private async Task SubscribeAndAppendAsync(Uri url, params string[] eventIds)
    {
        await _store.AddSubscriptionAsync(new Subscription("hook", "desk", "hook", SubscriptionFilter.Everything, url, Secret, _time.GetUtcNow()));
        await _store.AppendToFeedAsync(
            eventIds.Select(id => new FeedItem("desk", "hook", SubscriptionKind.Alert, id, _time.GetUtcNow(), $$"""{"event_id":"{{id}}"}""")).ToList(),
            _time.GetUtcNow());
    }

    private async Task<WebhookDelivery> OnlyDeliveryAsync() => (await _store.GetDeliveriesAsync("desk", null, 0, 10)).Single();

    [Fact]
    public async Task A_delivery_arrives_signed_with_its_ids_and_is_logged_delivered()
    {
        await using var receiver = new LocalWebhookReceiver(204);
        await SubscribeAndAppendAsync(receiver.Url, "a1:r0");

        Assert.Equal(1, await Dispatcher().DispatchDueAsync(CancellationToken.None));

        var (headers, body) = Assert.Single(receiver.Received);
        Assert.Equal("""{"event_id":"a1:r0"}""", Encoding.UTF8.GetString(body));
        Assert.Equal(SignatureCheck.Valid,
            WebhookSignature.Verify(headers[WebhookSignature.Header], Secret, body, _time.GetUtcNow(), WebhookSignature.DefaultTolerance));
        Assert.Equal("a1:r0", headers[WebhookDispatcher.EventIdHeader]);
        Assert.Equal("1", headers[WebhookDispatcher.AttemptHeader]);
        Assert.StartsWith("application/json", headers["Content-Type"], StringComparison.Ordinal);
        var logged = await OnlyDeliveryAsync();
        Assert.Equal((DeliveryStatus.Delivered, 1, 204), (logged.Status, logged.Attempts, logged.LastStatusCode));
        Assert.Equal(0, await Dispatcher().DispatchDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Failures_are_retried_after_a_backoff_within_its_bounds_until_one_succeeds()
    {
        await using var receiver = new LocalWebhookReceiver(500, 503, 200);
        await SubscribeAndAppendAsync(receiver.Url, "a1:r0");
        var dispatcher = Dispatcher();

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        var afterFirst = await OnlyDeliveryAsync();
        Assert.Equal((DeliveryStatus.Pending, 1, 500, "HTTP 500"), (afterFirst.Status, afterFirst.Attempts, afterFirst.LastStatusCode, afterFirst.LastError));
        Assert.InRange(afterFirst.NextAttemptAt - _time.GetUtcNow(), TimeSpan.Zero, TimeSpan.FromSeconds(1));

        _time.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        var afterSecond = await OnlyDeliveryAsync();
        Assert.Equal((DeliveryStatus.Pending, 2, 503), (afterSecond.Status, afterSecond.Attempts, afterSecond.LastStatusCode));
        Assert.InRange(afterSecond.NextAttemptAt - _time.GetUtcNow(), TimeSpan.Zero, TimeSpan.FromSeconds(2));

        _time.Advance(TimeSpan.FromSeconds(2));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal((DeliveryStatus.Delivered, 3), ((await OnlyDeliveryAsync()).Status, (await OnlyDeliveryAsync()).Attempts));
        Assert.Equal(["1", "2", "3"], receiver.Received.Select(r => r.Headers[WebhookDispatcher.AttemptHeader]));
    }

    [Fact]
    public async Task After_the_last_attempt_the_delivery_is_dead_until_redelivered()
    {
        await using var receiver = new LocalWebhookReceiver(503, 503, 503);
        await SubscribeAndAppendAsync(receiver.Url, "a1:r0");
        var dispatcher = Dispatcher();
        for (var i = 0; i < 3; i++)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(30));
        }
        Assert.Equal((DeliveryStatus.Dead, 3), ((await OnlyDeliveryAsync()).Status, (await OnlyDeliveryAsync()).Attempts));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));

        receiver.Then(200);
        Assert.True(await _store.RedeliverAsync("desk", (await OnlyDeliveryAsync()).DeliveryId, _time.GetUtcNow()));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(DeliveryStatus.Delivered, (await OnlyDeliveryAsync()).Status);
        Assert.Equal(4, receiver.Received.Count);
    }

    [Fact]
    public async Task Gone_means_dead_at_once()
    {
        await using var receiver = new LocalWebhookReceiver(410);
        await SubscribeAndAppendAsync(receiver.Url, "a1:r0");

        await Dispatcher().DispatchDueAsync(CancellationToken.None);

        Assert.Equal((DeliveryStatus.Dead, 1, 410), ((await OnlyDeliveryAsync()).Status, (await OnlyDeliveryAsync()).Attempts, (await OnlyDeliveryAsync()).LastStatusCode));
    }

    [Fact]
    public async Task A_receiver_that_does_not_answer_in_time_is_a_failed_attempt()
    {
        await using var receiver = new LocalWebhookReceiver();
        receiver.Then(200, TimeSpan.FromSeconds(3));
        await SubscribeAndAppendAsync(receiver.Url, "a1:r0");

        await Dispatcher(Options with { Timeout = TimeSpan.FromMilliseconds(500) }).DispatchDueAsync(CancellationToken.None);

        var logged = await OnlyDeliveryAsync();
        Assert.Equal((DeliveryStatus.Pending, 1, (int?)null), (logged.Status, logged.Attempts, logged.LastStatusCode));
        Assert.Contains("no answer within 0.5 s", logged.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_a_failed_attempt_with_the_reason()
    {
        Uri closed;
        await using (var receiver = new LocalWebhookReceiver())
        {
            closed = receiver.Url;
        }
        await SubscribeAndAppendAsync(closed, "a1:r0");

        await Dispatcher().DispatchDueAsync(CancellationToken.None);

        var logged = await OnlyDeliveryAsync();
        Assert.Equal((DeliveryStatus.Pending, 1), (logged.Status, logged.Attempts));
        Assert.Contains("ConnectionError", logged.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_deliveries_go_out_in_parallel_each_once()
    {
        await using var receiver = new LocalWebhookReceiver(200);
        var ids = Enumerable.Range(0, 40).Select(i => $"a{i}:r0").ToArray();
        await SubscribeAndAppendAsync(receiver.Url, ids);

        Assert.Equal(40, await Dispatcher().DispatchDueAsync(CancellationToken.None));

        Assert.Equal(ids.Order(StringComparer.Ordinal), receiver.Received.Select(r => r.Headers[WebhookDispatcher.EventIdHeader]).Order(StringComparer.Ordinal));
        Assert.All(await _store.GetDeliveriesAsync("desk", null, 0, 100), d => Assert.Equal(DeliveryStatus.Delivered, d.Status));
    }
}
