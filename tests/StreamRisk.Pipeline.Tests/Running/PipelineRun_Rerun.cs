using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Running;

public class PipelineRun_Rerun
{
    [Fact]
    public async Task Running_twice_into_the_same_database_leaves_the_same_rows()
    {
        var db = Path.Combine(RepositoryPaths.NewTempDirectory(), "results.db");
        var options = new RunOptions { Inputs = [Path.Combine(RepositoryPaths.Samples, "02-handmade.jsonl")], DatabasePath = db };
        var first = await PipelineRun.RunAsync(options, null, CancellationToken.None);
        var second = await PipelineRun.RunAsync(options, null, CancellationToken.None);

        Assert.True(first.Counters.Documents > 0);
        // The input journal holds every record of the first run: the second takes in nothing new.
        Assert.Equal(first.InputRecords, second.AlreadyStored);
        Assert.Equal(0, second.Counters.Inputs);
        Assert.Equal(0, second.Counters.Documents);
        Assert.Equal(first.Store, second.Store);
    }
}
