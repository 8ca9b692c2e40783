using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Running;

[Collection(SampleRunCollection.Name)]
public class PipelineRun_Replay(SampleRunFixture run)
{
    [Fact]
    public async Task Replaying_the_stored_inputs_gives_the_live_results_and_topics()
    {
        var replayOut = RepositoryPaths.NewTempDirectory();
        var summary = await PipelineRun.RunAsync(
            new RunOptions { ReplayFrom = run.First.DatabasePath, OutDirectory = replayOut }, null, CancellationToken.None);

        Assert.NotNull(summary.ReplayMismatches);
        Assert.Empty(summary.ReplayMismatches!);
        Assert.Equal(run.First.Store with { }, summary.Store);
        foreach (var file in Directory.GetFiles(run.FirstOut, "*.jsonl"))
        {
            var replayed = Path.Combine(replayOut, Path.GetFileName(file));
            Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(replayed)), $"{Path.GetFileName(file)} differs in replay");
        }
    }

    [Fact]
    public async Task Replay_refuses_to_write_into_the_database_it_reads()
    {
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() => PipelineRun.RunAsync(
            new RunOptions { ReplayFrom = run.First.DatabasePath, DatabasePath = run.First.DatabasePath }, null, CancellationToken.None));
        Assert.Contains("--from", ex.Message);
    }
}
