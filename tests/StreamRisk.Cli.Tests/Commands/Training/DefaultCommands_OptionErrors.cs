using StreamRisk.Tests.Shared;

namespace StreamRisk.Cli.Tests.Commands.Training;

public sealed class DefaultCommands_OptionErrors
{
    [Fact]
    public void EvalDefault_OnAMissingFolder_Exits2()
    {
        var dir = Path.Combine(CliProcess.NewTempDirectory(), "absent");
        var (code, _, stderr) = CliProcess.Run("eval", "default", "--sim", dir, "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("streamrisk eval default: --sim", stderr);
        Assert.Contains("is not a folder", stderr);
    }

    [Fact]
    public void TrainDefault_OnAFolderWithoutMacro_Exits2_NamingTheFile()
    {
        var dir = CliProcess.NewTempDirectory();
        foreach (var file in new[] { "fundamentals.jsonl", "disclosures.jsonl" }) File.WriteAllText(Path.Combine(dir, file), "");
        var (code, _, stderr) = CliProcess.Run("train", "default", "--sim", dir, "--out", Path.Combine(dir, "m"), "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("macro.csv", stderr);
    }

    [Fact]
    public void EvalDefault_WithAnUnknownModel_Exits2_ListingTheModels()
    {
        var dir = CliProcess.NewTempDirectory();
        foreach (var file in new[] { "fundamentals.jsonl", "disclosures.jsonl", "macro.csv" }) File.WriteAllText(Path.Combine(dir, file), "");
        Directory.CreateDirectory(Path.Combine(dir, "truth"));
        File.WriteAllText(Path.Combine(dir, "truth", "outcome_events.csv"), "");
        var (code, _, stderr) = CliProcess.Run("eval", "default", "--sim", dir, "--models", "emdlot,xgboost", "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("xgboost", stderr);
        Assert.Contains("logistic", stderr);
    }

    [Fact]
    public void Run_WithARiskModelThatIsNoArtifact_Exits2_NamingTheOption()
    {
        var dir = CliProcess.NewTempDirectory();
        var (code, _, stderr) = CliProcess.Run("run", "--input", RepositoryRoot.Of("data/samples"), "--db", Path.Combine(dir, "s.db"),
            "--risk-model", Path.Combine(dir, "absent"), "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("--risk-model", stderr);
        Assert.Contains("manifest", stderr);
    }

    [Fact]
    public void Run_WithAShadowButNoRiskModel_Exits2()
    {
        var dir = CliProcess.NewTempDirectory();
        var (code, _, stderr) = CliProcess.Run("run", "--input", RepositoryRoot.Of("data/samples"), "--db", Path.Combine(dir, "s.db"),
            "--risk-model-shadow", Path.Combine(dir, "absent"), "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("--risk-model-shadow needs --risk-model", stderr);
    }

    [Fact]
    public void Run_WithAMalformedMacroFile_Exits2_NamingTheLine()
    {
        var dir = CliProcess.NewTempDirectory();
        var macro = Path.Combine(dir, "macro.csv");
        File.WriteAllText(macro, "year,quarter,macro_factor\n2020,7,0.1\n");
        // The macro file is checked with the models, before anything runs.
        var (code, _, stderr) = CliProcess.Run("run", "--input", RepositoryRoot.Of("data/samples"), "--db", Path.Combine(dir, "s.db"),
            "--macro", macro, "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("--macro", stderr);
        Assert.Contains("macro.csv:2", stderr);
    }
}
