using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Tests.Stages;

/// <summary>
/// With outbox delivery a stage's state and the events it emits are committed together: a bus that fails after the
/// commit leaves the events in the outbox, and the next instance of the stage publishes them before it consumes.
/// </summary>
public class PipelineStage_TransactionalOutbox
{
    private static string News(string id, string day) =>
        $$"""{"doc_id":"{{id}}","source":"wire","published_at":"{{day}}T09:00:00Z","headline":"Acme Corp news {{id}}","body":"Acme Corp reported results for {{id}}."}""";

    [Fact]
    public async Task Events_of_a_committed_batch_are_published_and_the_outbox_is_emptied_when_the_stage_goes_idle()
    {
        await using var harness = await StageHarness.CreateAsync();
        var context = harness.Context with { Delivery = EventDelivery.Outbox };
        await harness.PublishAsync(Topics.NewsRaw, "d1", News("d1", "2024-03-01"));
        await harness.PublishAsync(Topics.NewsRaw, "d2", News("d2", "2024-03-02"));
        await using var ingest = new IngestStage(context, new IngestOptions(), 1, consultStore: false);

        Assert.Equal(2, await ingest.PumpAsync(100, TimeSpan.Zero, CancellationToken.None));

        Assert.Equal(["d1", "d2"], (await harness.ReadAsync<NewsDocument>(Topics.Docs)).Select(d => d.DocId).Order());
        // Published, but deleted only with the next write: an idle pump is one.
        Assert.Equal(2, (await harness.Store.GetOutboxAsync(IngestStage.StageName)).Count);
        Assert.Equal(0, await ingest.PumpAsync(100, TimeSpan.Zero, CancellationToken.None));
        Assert.Empty(await harness.Store.GetOutboxAsync(IngestStage.StageName));
    }

    [Fact]
    public async Task A_bus_failure_after_the_commit_leaves_the_events_in_the_outbox_for_the_next_instance()
    {
        await using var harness = await StageHarness.CreateAsync();
        await harness.PublishAsync(Topics.NewsRaw, "d1", News("d1", "2024-03-01"));
        await harness.PublishAsync(Topics.NewsRaw, "d2", News("d2", "2024-03-02"));
        var broken = new PublishFailingBus(harness.Bus);
        var context = harness.Context with { Bus = broken, Delivery = EventDelivery.Outbox };

        await using (var first = new IngestStage(context, new IngestOptions(), 1, consultStore: false))
        {
            await Assert.ThrowsAsync<IOException>(() => first.PumpAsync(100, TimeSpan.Zero, CancellationToken.None));
        }

        // The documents are stored and the input committed, yet nothing reached docs.v1: the outbox holds it.
        Assert.Equal(2, (await harness.Store.CountAsync()).Documents);
        Assert.Empty(await harness.ReadAsync<NewsDocument>(Topics.Docs));
        Assert.Equal(["d1", "d2"], (await harness.Store.GetOutboxAsync(IngestStage.StageName)).Select(o => o.EventId).Order());

        broken.Failing = false;
        await using var second = new IngestStage(context, new IngestOptions(), 3, consultStore: true);
        Assert.Equal(0, await second.PumpAsync(100, TimeSpan.Zero, CancellationToken.None));

        Assert.Equal(["d1", "d2"], (await harness.ReadAsync<NewsDocument>(Topics.Docs)).Select(d => d.DocId).Order());
        Assert.Equal(2, harness.Counters.RelayedFromOutbox);
        Assert.Empty(await harness.Store.GetOutboxAsync(IngestStage.StageName));
    }

    [Fact]
    public async Task Direct_delivery_writes_no_outbox()
    {
        await using var harness = await StageHarness.CreateAsync();
        await harness.PublishAsync(Topics.NewsRaw, "d1", News("d1", "2024-03-01"));
        await using var ingest = new IngestStage(harness.Context, new IngestOptions(), 1, consultStore: false);

        await ingest.PumpAsync(100, TimeSpan.Zero, CancellationToken.None);

        Assert.Single(await harness.ReadAsync<NewsDocument>(Topics.Docs));
        Assert.Empty(await harness.Store.GetOutboxAsync(IngestStage.StageName));
    }

    /// <summary>A bus whose producers fail to deliver while <see cref="Failing"/> is set, as a broker outage would.</summary>
    private sealed class PublishFailingBus(IEventBus inner) : IEventBus
    {
        public volatile bool Failing = true;

        public Task EnsureTopicAsync(TopicSpec topic, CancellationToken cancellationToken = default) => inner.EnsureTopicAsync(topic, cancellationToken);
        public IEventProducer CreateProducer() => new Producer(this, inner.CreateProducer());
        public IEventConsumer CreateConsumer(string groupId, IReadOnlyList<string> topics) => inner.CreateConsumer(groupId, topics);
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private sealed class Producer(PublishFailingBus bus, IEventProducer inner) : IEventProducer
        {
            public ValueTask<DeliveryReport> ProduceAsync(string topic, BusMessage message, CancellationToken cancellationToken = default) =>
                bus.Failing ? ValueTask.FromException<DeliveryReport>(new IOException("broker unreachable")) : inner.ProduceAsync(topic, message, cancellationToken);
            public Task FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);
            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
