using StreamRisk.Core.Events;
using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Running;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Tests.Stages;

/// <summary>
/// The aggregate stage records every text it consumed in its inbox, with its state: a text delivered again (an
/// upstream outbox publishing twice, a redelivery after a restart) is neither counted nor dead-lettered twice, and a
/// restarted stage rebuilds from exactly the texts its stored daily index holds.
/// </summary>
public class AggregateStage_Inbox
{
    private static readonly DateTimeOffset March10 = new(2024, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static FirmSentiment Text(string docId, DateTimeOffset publishedAt, long seq, double score = 0.5) =>
        new($"{docId}:iss001", docId, "iss001", publishedAt, 0.1, 0.3, 0.6, score, 1, "test", seq);

    private static async Task PublishAsync(StageHarness harness, params FirmSentiment[] texts)
    {
        foreach (var t in texts) await harness.PublishAsync(Topics.FirmSentiment, t.IssuerId, EventJson.Serialize(t));
    }

    private static async Task<StageFactory> StoreTexts(StageHarness harness, params FirmSentiment[] texts)
    {
        await harness.Store.UpsertAsync(new Core.Storage.StoreBatch { FirmSentiments = texts });
        var reference = WorkerHost.LoadReference(null);
        return new StageFactory(harness.Context with { Delivery = EventDelivery.Outbox }, reference, PipelineModels.BuiltIn(reference));
    }

    private static async Task<DailySentiment> DayAsync(StageHarness harness, DateOnly day) =>
        (await harness.Store.GetDailySentimentAsync("iss001")).Single(d => d.Day == day);

    [Fact]
    public async Task A_text_delivered_twice_is_counted_once_and_a_late_one_dead_lettered_once()
    {
        await using var harness = await StageHarness.CreateAsync();
        var onTime = Text("doc1", March10, 1);
        var late = Text("doc2", March10.AddDays(-9), 2);
        var factory = await StoreTexts(harness, onTime, late);
        await using var aggregate = await factory.BuildAsync(AggregateStage.StageName, CancellationToken.None);

        await PublishAsync(harness, onTime, late);
        await aggregate.PumpAsync(100, TimeSpan.Zero, CancellationToken.None);
        await PublishAsync(harness, late, onTime);
        await aggregate.PumpAsync(100, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(1, (await DayAsync(harness, new DateOnly(2024, 3, 10))).FirmCount);
        Assert.Single(await harness.Store.GetDeadLettersAsync());
        Assert.Equal(1, harness.Counters.Redelivered);
        var inbox = await harness.Store.GetInboxAsync(AggregateStage.StageName, [onTime.EventId, late.EventId]);
        Assert.Equal(2, inbox.Count);
    }

    [Fact]
    public async Task A_restarted_stage_rebuilds_from_its_inbox_not_from_every_stored_text()
    {
        await using var harness = await StageHarness.CreateAsync();
        var consumed = Text("doc1", March10, 1, score: 0.5);
        var notYetConsumed = Text("doc2", March10, 2, score: -0.25);
        var factory = await StoreTexts(harness, consumed, notYetConsumed);
        await using (var first = await factory.BuildAsync(AggregateStage.StageName, CancellationToken.None))
        {
            await PublishAsync(harness, consumed);
            await first.PumpAsync(100, TimeSpan.Zero, CancellationToken.None);
        }

        // doc2 is stored upstream but was never consumed: the rebuilt state must not count it yet, or its
        // delivery below would find it already counted and the day would hold it without the stage having seen it.
        await using var second = await factory.BuildAsync(AggregateStage.StageName, CancellationToken.None);
        Assert.Equal(1, (await DayAsync(harness, new DateOnly(2024, 3, 10))).FirmCount);
        await PublishAsync(harness, notYetConsumed, consumed);
        await second.PumpAsync(100, TimeSpan.Zero, CancellationToken.None);

        var day = await DayAsync(harness, new DateOnly(2024, 3, 10));
        Assert.Equal(2, day.FirmCount);
        Assert.Equal(0.125, day.FirmScore!.Value, 12);
        Assert.Empty(await harness.Store.GetDeadLettersAsync());
    }
}
