namespace StreamRisk.Cli.Tests.Commands;

/// <summary>The worker takes the same <c>--industry-model</c> as run and checks it before the store or bus is touched.</summary>
public sealed class WorkerCommand_IndustryModel
{
    [Fact]
    public void A_missing_gguf_stops_the_worker_with_exit_2_before_the_store_is_created()
    {
        var dir = CliProcess.NewTempDirectory();
        var db = Path.Combine(dir, "worker.db");
        var model = Path.Combine(dir, "absent.gguf");
        var (code, _, stderr) = CliProcess.Run("worker", "industry-sentiment", "--db", db, "--industry-model", "gguf:" + model);
        Assert.Equal(2, code);
        Assert.Contains(model, stderr);
        Assert.Contains("does not exist", stderr);
        Assert.False(File.Exists(db));
    }
}
