using StreamRisk.Tests.Shared;

namespace StreamRisk.Cli.Tests.Commands.Training;

public sealed class SpreadCommands_OptionErrors
{
    private static string MarketFolder()
    {
        var dir = CliProcess.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "spreads.jsonl"), "");
        File.WriteAllText(Path.Combine(dir, "fundamentals.jsonl"), "");
        File.WriteAllText(Path.Combine(dir, "daily.jsonl"), "");
        return dir;
    }

    [Fact]
    public void EvalSpread_OnAMissingFolder_Exits2()
    {
        var dir = Path.Combine(CliProcess.NewTempDirectory(), "absent");
        var (code, _, stderr) = CliProcess.Run("eval", "spread", "--sim", dir, "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("streamrisk eval spread: --sim", stderr);
        Assert.Contains("is not a folder", stderr);
    }

    [Fact]
    public void EvalSpread_WithAnUnknownModelFamily_Exits2_NamingTheKnownOnes()
    {
        var dir = MarketFolder();
        var (code, _, stderr) = CliProcess.Run("eval", "spread", "--sim", dir, "--index", Path.Combine(dir, "daily.jsonl"), "--out", Path.Combine(dir, "r"),
            "--models", "lstm,xgboost", "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("--models", stderr);
        Assert.Contains("xgboost", stderr);
        Assert.Contains("attnmlp", stderr);
    }

    [Fact]
    public void TrainSpread_WithAMissingIndexFile_Exits2_NamingIt()
    {
        var dir = MarketFolder();
        var (code, _, stderr) = CliProcess.Run("train", "spread", "--sim", dir, "--index", Path.Combine(dir, "nope.jsonl"), "--out", Path.Combine(dir, "m"), "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("--index", stderr);
    }

    [Fact]
    public void TrainSpread_WithHeadsThatDoNotDivideTheWidth_Exits2_NamingTheOption()
    {
        var dir = MarketFolder();
        var (code, _, stderr) = CliProcess.Run("train", "spread", "--sim", dir, "--index", Path.Combine(dir, "daily.jsonl"), "--out", Path.Combine(dir, "m"),
            "--d-model", "30", "--heads", "4", "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("--d-model", stderr);
    }

    [Fact]
    public void Run_WithASpreadModelThatIsNoArtifact_Exits2_NamingTheOption()
    {
        var dir = CliProcess.NewTempDirectory();
        var (code, _, stderr) = CliProcess.Run("run", "--input", RepositoryRoot.Of("data/samples"), "--db", Path.Combine(dir, "s.db"),
            "--spread-model", Path.Combine(dir, "absent"), "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("--spread-model", stderr);
        Assert.Contains("manifest", stderr);
    }
}
