using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StreamRisk.Core.Access;
using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Subscriptions;
using StreamRisk.Infrastructure.Bus;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Notifications;

namespace StreamRisk.Pipeline.Tests.Notifications;

/// <summary>The fan-out from the bus to the feed: what each subscription wants reaches it once, even when a batch is read
/// again after a crash, and a team sees only its own entries.</summary>
public sealed class FeedFanoutWorker_ExactlyOnce : IAsyncLifetime
{
    private static readonly ReferenceData Reference = new(
        [new Industry("airlines", "Airlines", "Transport"), new Industry("banks", "Banks", "Financials")],
        [new Topic("sanctions", "politics", "Sanctions", "...")],
        [new TopicIndustryLink("sanctions", "banks", -0.4)],
        [new Issuer("air1", "Air One", [], [], ["airlines"]), new Issuer("bank1", "Bank One", [], [], ["banks"])]);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "streamrisk-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryEventBus _bus = new();
    private SqliteSubscriptionStore _store = null!;

    public async Task InitializeAsync()
    {
        var path = Path.Combine(_folder, "store.db");
        _store = new SqliteSubscriptionStore(path);
        await _store.MigrateAsync();
        await using var teams = new SqliteTeamStore(path);
        await teams.AddTeamAsync(new Team("desk", "Desk", _time.GetUtcNow()));
        await teams.AddTeamAsync(new Team("surv", "Surveillance", _time.GetUtcNow()));
        foreach (var topic in FeedFanout.InputTopics)
        {
            await _bus.EnsureTopicAsync(new TopicSpec(topic, 3));
        }
        await Subscribe("desk-air", "desk", new SubscriptionFilter(["air1"], [], [], [], "warning", []));
        await Subscribe("surv-sanctions", "surv", new SubscriptionFilter([], [], ["sanctions"], [], "info", [SubscriptionKind.TopicMatch, SubscriptionKind.Alert]));
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await _bus.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private Task Subscribe(string id, string team, SubscriptionFilter filter) =>
        _store.AddSubscriptionAsync(new Subscription(id, team, id, filter, null, null, _time.GetUtcNow()));

    private FeedFanoutWorker Worker(FeedSignal? signal = null) =>
        new(_bus, _store, new FeedFanout(Reference), signal ?? new FeedSignal(), _time, NullLogger.Instance);

    private async Task PublishAsync()
    {
        await using var producer = _bus.CreateProducer();
        var day = new DateOnly(2026, 12, 4);
        await producer.ProduceAsync(Topics.RiskAlerts, new BusMessage("air1", EventJson.Serialize(
            new RiskAlert("al1", "air1", day, "jump", "critical", "fell", -3, null, ["d1"]))));
        await producer.ProduceAsync(Topics.RiskAlerts, new BusMessage("air1", EventJson.Serialize(
            new RiskAlert("al2", "air1", day, "jump", "info", "rose", 1, null, ["d2"]))));
        await producer.ProduceAsync(Topics.RiskAlerts, new BusMessage("bank1", EventJson.Serialize(
            new RiskAlert("al3", "bank1", day, "threshold_crossing", "warning", "low", -1.2, -1, ["d3"]))));
        await producer.ProduceAsync(Topics.IndustrySentiment, new BusMessage("banks", EventJson.Serialize(
            new IndustrySentiment("is1", "d4", "banks", new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero), -0.7, 0.4,
                [new TopicHit("sanctions", 0.8)], "builtin", 4))));
        await producer.FlushAsync();
    }

    /// <returns>How many bus messages the worker read.</returns>
    private static async Task<int> DrainAsync(FeedFanoutWorker worker)
    {
        var read = 0;
        while (await worker.PumpAsync(100, TimeSpan.FromMilliseconds(200), CancellationToken.None) is var n and > 0)
        {
            read += n;
        }
        return read;
    }

    [Fact]
    public async Task Each_team_gets_what_its_subscriptions_want_and_nothing_of_the_other_teams()
    {
        await PublishAsync();
        var signal = new FeedSignal();
        var waiting = signal.WaitAsync(TimeSpan.FromMinutes(1), TimeProvider.System, CancellationToken.None);
        await using var worker = Worker(signal);

        await DrainAsync(worker);

        Assert.True(waiting.IsCompletedSuccessfully, "readers are woken when entries were appended");
        var desk = await _store.ReadFeedAsync("desk", 0, 100);
        Assert.Equal([("desk-air", "al1:r0")], desk.Select(e => (e.Item.SubscriptionId, e.Item.EventId)));
        var surv = await _store.ReadFeedAsync("surv", 0, 100);
        Assert.Equal([(SubscriptionKind.Alert, "al3:r0"), (SubscriptionKind.TopicMatch, "is1")],
            surv.Select(e => (e.Item.Kind, e.Item.EventId)).OrderBy(p => p.Item2, StringComparer.Ordinal));
        var topicMatch = surv.Single(e => e.Item.Kind == SubscriptionKind.TopicMatch).Item.Body;
        Assert.Contains("\"kind\":\"topic_match\"", topicMatch, StringComparison.Ordinal);
        Assert.Contains("\"issuer_ids\":[\"bank1\"]", topicMatch, StringComparison.Ordinal);
        Assert.Contains("\"topic_ids\":[\"sanctions\"]", topicMatch, StringComparison.Ordinal);
        Assert.Equal(3, worker.Appended);
    }

    [Fact]
    public async Task A_batch_read_again_after_a_crash_adds_nothing()
    {
        await PublishAsync();
        // A fan-out that appended a batch and died before committing its offsets: the same consumer group, no commit.
        var consumer = _bus.CreateConsumer(FeedFanoutWorker.GroupId, FeedFanout.InputTopics);
        var batch = await consumer.ConsumeAsync(100, TimeSpan.FromMilliseconds(500));
        var subscriptions = await _store.GetAllSubscriptionsAsync();
        var fanout = new FeedFanout(Reference);
        await _store.AppendToFeedAsync(batch.SelectMany(m => fanout.Route(subscriptions, m.Topic, m.Value, _time.GetUtcNow())).ToList(), _time.GetUtcNow());
        await consumer.DisposeAsync();
        var before = (await _store.ReadFeedAsync("desk", 0, 100)).Count + (await _store.ReadFeedAsync("surv", 0, 100)).Count;

        await using var restarted = Worker();
        Assert.Equal(4, await DrainAsync(restarted));

        Assert.Equal(3, before);
        Assert.Equal(4, batch.Count);
        Assert.Equal(0, restarted.Appended);
        Assert.Equal(3, (await _store.ReadFeedAsync("desk", 0, 100)).Count + (await _store.ReadFeedAsync("surv", 0, 100)).Count);
    }

    [Fact]
    public async Task A_subscription_made_later_applies_to_later_events_only()
    {
        await using var worker = Worker();
        await PublishAsync();
        await DrainAsync(worker);

        await Subscribe("desk-banks", "desk", new SubscriptionFilter([], ["banks"], [], [], "info", [SubscriptionKind.Alert]));
        await using (var producer = _bus.CreateProducer())
        {
            await producer.ProduceAsync(Topics.RiskAlerts, new BusMessage("bank1", EventJson.Serialize(
                new RiskAlert("al4", "bank1", new DateOnly(2026, 12, 5), "jump", "warning", "fell", -2, null, []))));
        }
        await DrainAsync(worker);

        Assert.Equal(["al1:r0", "al4:r0"], (await _store.ReadFeedAsync("desk", 0, 100)).Select(e => e.Item.EventId));
    }
}
