namespace StreamRisk.Cli.Tests.Commands;

public sealed class SimulateCommand_OptionErrors
{
    [Theory]
    [InlineData("--issuers", "0", "--issuers must be at least 1")]
    [InlineData("--years", "0", "--years must be in 1..60")]
    [InlineData("--news-per-issuer-year", "-3", "--news-per-issuer-year must be in")]
    [InlineData("--extended-share", "1.5", "--extended-share must be in [0, 1]")]
    [InlineData("--defaulted-share", "-0.1", "--defaulted-share must be in [0, 1]")]
    [InlineData("--defaulted-share", "0.49", "--extended-share + --defaulted-share must stay below 0.5")]
    [InlineData("--related-share", "1.2", "--related-share must be in [0, 1]")]
    public void An_out_of_range_value_exits_2_naming_the_option(string option, string value, string message)
    {
        var dir = Path.Combine(CliProcess.NewTempDirectory(), "sim");
        string[] args = ["simulate", "--issuers", "5", "--years", "1", "--seed", "1", "--out", dir, "--quiet"];
        var at = Array.IndexOf(args, option);
        args = at >= 0 ? [.. args[..(at + 1)], value, .. args[(at + 2)..]] : [.. args, option, value];
        var (code, _, stderr) = CliProcess.Run(args);
        Assert.Equal(2, code);
        Assert.Contains("streamrisk simulate: " + message, stderr);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void The_outcome_shares_reach_the_simulation()
    {
        var dir = Path.Combine(CliProcess.NewTempDirectory(), "sim");
        var (code, _, stderr) = CliProcess.Run("simulate", "--issuers", "40", "--years", "2", "--seed", "2", "--out", dir,
            "--news-per-issuer-year", "1", "--extended-share", "0.1", "--defaulted-share", "0.05", "--quiet");
        Assert.True(code == 0, stderr);
        var outcomes = File.ReadAllLines(Path.Combine(dir, "truth", "outcomes.csv")).Skip(1).Select(l => l.Split(',')[1]).ToList();
        Assert.Equal(4, outcomes.Count(c => c == "extended"));
        Assert.Equal(2, outcomes.Count(c => c == "defaulted"));
        Assert.Contains("\"extended\": 0.1", File.ReadAllText(Path.Combine(dir, "truth", "manifest.json")));
    }

    [Fact]
    public void Related_issuers_are_written_next_to_the_issuer_list()
    {
        var dir = Path.Combine(CliProcess.NewTempDirectory(), "sim");
        var (code, _, stderr) = CliProcess.Run("simulate", "--issuers", "40", "--years", "1", "--seed", "2", "--out", dir,
            "--news-per-issuer-year", "1", "--related-share", "0.5", "--quiet");
        Assert.True(code == 0, stderr);
        var relations = File.ReadAllLines(Path.Combine(dir, "issuer_relations.csv"));
        Assert.Equal("from_issuer_id,to_issuer_id,kind,weight", relations[0]);
        Assert.InRange(relations.Length - 1, 10, 30);
        Assert.Contains("\"related\": 0.5", File.ReadAllText(Path.Combine(dir, "truth", "manifest.json")));
    }

    [Fact]
    public void A_missing_required_option_is_refused_before_anything_is_written()
    {
        var dir = Path.Combine(CliProcess.NewTempDirectory(), "sim");
        var (code, _, stderr) = CliProcess.Run("simulate", "--issuers", "5", "--out", dir);
        Assert.NotEqual(0, code);
        Assert.Contains("--years", stderr);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void An_unknown_macro_source_is_refused()
    {
        var dir = Path.Combine(CliProcess.NewTempDirectory(), "sim");
        var (code, _, stderr) = CliProcess.Run("simulate", "--issuers", "5", "--years", "1", "--seed", "1", "--out", dir, "--macro", "imagined");
        Assert.NotEqual(0, code);
        Assert.Contains("imagined", stderr);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void A_good_run_exits_0_and_writes_inputs_and_truth()
    {
        var dir = Path.Combine(CliProcess.NewTempDirectory(), "sim");
        var (code, _, stderr) = CliProcess.Run("simulate", "--issuers", "3", "--years", "1", "--seed", "2", "--out", dir, "--quiet");
        Assert.True(code == 0, stderr);
        foreach (var file in new[] { "news.jsonl", "fundamentals.jsonl", "spreads.jsonl", "issuers.csv", "macro.csv", "truth/latent.csv", "truth/polarity.jsonl" })
        {
            Assert.True(File.Exists(Path.Combine(dir, file)), file);
        }
    }
}
