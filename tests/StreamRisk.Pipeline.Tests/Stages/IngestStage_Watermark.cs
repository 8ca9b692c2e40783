using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Tests.Stages;

public class IngestStage_Watermark
{
    private static string Raw(string docId, string publishedAt, string body) =>
        $$"""{"doc_id":"{{docId}}","source":"wire","published_at":"{{publishedAt}}","headline":"H","body":"{{body}}"}""";

    private static async Task<IReadOnlyList<NewsDocument>> IngestAsync(IngestWatermark? watermark, params string[] inputs)
    {
        await using var harness = await StageHarness.CreateAsync();
        await using var stage = new IngestStage(harness.Context, new IngestOptions(), 1, consultStore: false, watermark);
        // One key, so one partition: the test fixes the arrival order.
        foreach (var input in inputs) await harness.PublishAsync(Topics.NewsRaw, "k", input);
        while (await stage.PumpAsync(2, TimeSpan.Zero, CancellationToken.None) > 0) { }
        return await harness.ReadAsync<NewsDocument>(Topics.Docs);
    }

    [Fact]
    public async Task Each_document_is_stamped_with_the_quorum_watermark_of_accepted_published_days_in_arrival_order()
    {
        var docs = await IngestAsync(
            null,
            Raw("a", "2024-05-01T10:00:00Z", "One."),
            Raw("b", "2024-05-03T23:30:00-02:00", "Two."),
            Raw("c", "2024-04-28T10:00:00Z", "Three."),
            // A duplicate is dropped and does not move the watermark.
            Raw("a", "2024-05-20T10:00:00Z", "One again."),
            Raw("bad", "2999-01-01T00:00:00Z", "Refused."),
            Raw("d", "2024-05-02T10:00:00Z", "Four."),
            Raw("e", "2024-05-04T10:00:00Z", "Five."));

        // a, b: no quorum of 3 yet, their own days (b is the 4th in UTC). c: the 3rd latest of 1 May, 4 May, 28 Apr.
        // d: the 3rd latest of 1, 4 May, 28 Apr, 2 May is 1 May. e: 2 May (the 20 May duplicate never counted).
        Assert.Equal(
            [("a", new DateOnly(2024, 5, 1)), ("b", new DateOnly(2024, 5, 4)), ("c", new DateOnly(2024, 4, 28)),
             ("d", new DateOnly(2024, 5, 1)), ("e", new DateOnly(2024, 5, 2))],
            docs.OrderBy(d => d.IngestSeq).Select(d => (d.DocId, d.Watermark!.Value)));
    }

    [Fact]
    public async Task After_a_restart_the_stamp_continues_from_the_given_watermark()
    {
        var restored = IngestWatermark.Restore(new IngestOptions(),
        [
            new(1, new DateTimeOffset(2024, 5, 19, 9, 0, 0, TimeSpan.Zero), new DateOnly(2024, 5, 19)),
            new(2, new DateTimeOffset(2024, 5, 20, 9, 0, 0, TimeSpan.Zero), new DateOnly(2024, 5, 20)),
            new(3, new DateTimeOffset(2024, 5, 21, 9, 0, 0, TimeSpan.Zero), new DateOnly(2024, 5, 20)),
        ]);
        var docs = await IngestAsync(restored, Raw("a", "2024-05-01T10:00:00Z", "One."), Raw("b", "2024-05-22T10:00:00Z", "Two."),
            Raw("c", "2024-05-23T10:00:00Z", "Three."));
        Assert.Equal([new DateOnly(2024, 5, 20), new DateOnly(2024, 5, 20), new DateOnly(2024, 5, 21)], docs.OrderBy(d => d.IngestSeq).Select(d => d.Watermark!.Value));
    }
}
