using System.Text.Json;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Running;

/// <summary>
/// One valid text dated today ahead of a 1987 corpus used to move the ingest watermark to today, so that every later
/// text was refused as too late and the run produced no daily value; the quorum watermark ignores it.
/// </summary>
public class PipelineRun_OutlierWatermark
{
    [Fact]
    public async Task A_text_dated_today_before_the_1987_corpus_leaves_its_texts_on_time_and_the_run_produces_daily_values()
    {
        var input = RepositoryPaths.NewTempDirectory();
        // Published a few hours ago: valid (not in the future), and 39 years ahead of the rest.
        var today = DateTimeOffset.UtcNow.AddHours(-2);
        var outlier = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["doc_id"] = "today-0001", ["source"] = "wire", ["published_at"] = today.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["headline"] = "TEXACO <TX> SHARES RISE", ["body"] = "Texaco shares rose sharply after strong refining profits.",
        });
        // Files are read in name order: the outlier first, then the corpus.
        await File.WriteAllTextAsync(Path.Combine(input, "00-today.jsonl"), outlier + "\n");
        File.Copy(Path.Combine(RepositoryPaths.Samples, "01-reuters.jsonl"), Path.Combine(input, "01-reuters.jsonl"));

        var summary = await PipelineRun.RunAsync(new RunOptions
        {
            Inputs = [input],
            DatabasePath = Path.Combine(RepositoryPaths.NewTempDirectory(), "outlier.db"),
        }, null, CancellationToken.None);

        Assert.Equal(0, summary.Counters.DeadLettersByReason.GetValueOrDefault("too_late"));
        Assert.Equal(0, summary.Counters.TooLateTextCount);
        Assert.False(summary.MostTextsTooLate);
        await using var store = new SqliteRiskStore(summary.DatabasePath);
        var documents = await store.GetDocumentsAsync();
        Assert.Equal(71, documents.Count);
        // Every corpus text is stamped in 1987, and the daily index has 1987 values.
        Assert.All(documents.Where(d => d.DocId != "today-0001"), d => Assert.Equal(1987, d.Watermark!.Value.Year));
        Assert.True(summary.Counters.DailyValues > 0);
        Assert.Contains(await store.GetDailySentimentAsync("texaco"), d => d.Day.Year == 1987);
    }
}
