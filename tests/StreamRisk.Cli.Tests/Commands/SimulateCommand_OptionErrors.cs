namespace StreamRisk.Cli.Tests.Commands;

public sealed class SimulateCommand_OptionErrors
{
    [Theory]
    [InlineData("--issuers", "0", "--issuers must be at least 1")]
    [InlineData("--years", "0", "--years must be in 1..60")]
    [InlineData("--news-per-issuer-year", "-3", "--news-per-issuer-year must be in")]
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
        foreach (var file in new[] { "news.jsonl", "fundamentals.jsonl", "spreads.jsonl", "issuers.csv", "truth/latent.csv", "truth/polarity.jsonl" })
        {
            Assert.True(File.Exists(Path.Combine(dir, file)), file);
        }
    }
}
