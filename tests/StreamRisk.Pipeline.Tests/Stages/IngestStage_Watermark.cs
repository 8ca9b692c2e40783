using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Tests.Stages;

public class IngestStage_Watermark
{
    private static string Raw(string docId, string publishedAt, string body) =>
        $$"""{"doc_id":"{{docId}}","source":"wire","published_at":"{{publishedAt}}","headline":"H","body":"{{body}}"}""";

    private static async Task<IReadOnlyList<NewsDocument>> IngestAsync(DateOnly? watermark, params string[] inputs)
    {
        await using var harness = await StageHarness.CreateAsync();
        await using var stage = new IngestStage(harness.Context, new IngestOptions(), 1, consultStore: false, watermark);
        // One key, so one partition: the test fixes the arrival order.
        foreach (var input in inputs) await harness.PublishAsync(Topics.NewsRaw, "k", input);
        while (await stage.PumpAsync(2, TimeSpan.Zero, CancellationToken.None) > 0) { }
        return await harness.ReadAsync<NewsDocument>(Topics.Docs);
    }

    [Fact]
    public async Task Each_document_is_stamped_with_the_running_maximum_of_accepted_published_days_in_arrival_order()
    {
        var docs = await IngestAsync(
            null,
            Raw("a", "2024-05-01T10:00:00Z", "One."),
            Raw("b", "2024-05-03T23:30:00-02:00", "Two."),
            Raw("c", "2024-04-28T10:00:00Z", "Three."),
            // A duplicate is dropped and does not move the watermark.
            Raw("a", "2024-05-20T10:00:00Z", "One again."),
            Raw("bad", "2999-01-01T00:00:00Z", "Refused."),
            Raw("d", "2024-05-02T10:00:00Z", "Four."));

        Assert.Equal(
            [("a", new DateOnly(2024, 5, 1)), ("b", new DateOnly(2024, 5, 4)), ("c", new DateOnly(2024, 5, 4)), ("d", new DateOnly(2024, 5, 4))],
            docs.Select(d => (d.DocId, d.Watermark!.Value)));
    }

    [Fact]
    public async Task After_a_restart_the_stamp_continues_from_the_given_watermark()
    {
        var docs = await IngestAsync(new DateOnly(2024, 5, 20), Raw("a", "2024-05-01T10:00:00Z", "One."), Raw("b", "2024-05-22T10:00:00Z", "Two."));
        Assert.Equal([new DateOnly(2024, 5, 20), new DateOnly(2024, 5, 22)], docs.Select(d => d.Watermark!.Value));
    }
}
