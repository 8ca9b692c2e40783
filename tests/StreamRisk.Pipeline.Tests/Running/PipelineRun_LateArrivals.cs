using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Running;

public class PipelineRun_LateArrivals
{
    [Fact]
    public async Task A_late_text_within_the_lateness_revises_days_already_emitted_and_one_beyond_it_is_dead_lettered()
    {
        // Chunk size 1: every record flows through all stages before the next, as in a live stream.
        var summary = await PipelineRun.RunAsync(new RunOptions
        {
            Inputs = [Path.Combine(RepositoryPaths.Samples, "02-handmade.jsonl")],
            DatabasePath = Path.Combine(RepositoryPaths.NewTempDirectory(), "late.db"),
            ChunkSize = 1,
        }, null, CancellationToken.None);

        await using var store = new SqliteRiskStore(summary.DatabasePath);
        var pittston = await store.GetDailySentimentAsync("pittston");
        var april2 = Assert.Single(pittston, d => d.Day == new DateOnly(1987, 4, 2));
        Assert.True(april2.Revision >= 1, "hm-0036 (1 Apr) arrived after Pittston's 2 Apr value and must revise it");
        Assert.Contains(pittston, d => d.Day == new DateOnly(1987, 4, 1) && d.FirmCount == 1);
        // hm-0027 and hm-0028 are weeks late: their sentiment events (Texaco; American Express) are refused.
        Assert.Equal(2, summary.Counters.DeadLettersByReason.GetValueOrDefault("too_late"));
    }
}
