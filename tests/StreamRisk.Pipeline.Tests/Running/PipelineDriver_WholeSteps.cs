using StreamRisk.Infrastructure.Reference;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Running;

public class PipelineDriver_WholeSteps
{
    [Fact]
    public async Task The_daily_index_does_not_depend_on_the_batch_size_because_aggregate_takes_each_step_whole()
    {
        async Task<RunSummary> Run(int batchSize) => await PipelineRun.RunAsync(new RunOptions
        {
            Inputs = [RepositoryPaths.Samples],
            DatabasePath = Path.Combine(RepositoryPaths.NewTempDirectory(), $"batch{batchSize}.db"),
            BatchSize = batchSize,
            ChunkSize = 64,
        }, null, CancellationToken.None);

        var small = await Run(4);
        var large = await Run(512);
        Assert.Equal(large.Counters.DeadLettersByReason, small.Counters.DeadLettersByReason);
        await using var a = new SqliteRiskStore(large.DatabasePath);
        await using var b = new SqliteRiskStore(small.DatabasePath);
        var issuers = ReferenceDataLoader.Load(RepositoryPaths.Reference).Issuers.Select(i => i.IssuerId);
        Assert.Empty(await StoreComparison.CompareAsync(a, b, issuers, CancellationToken.None));
    }
}
