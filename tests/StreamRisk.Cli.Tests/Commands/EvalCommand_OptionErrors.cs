namespace StreamRisk.Cli.Tests.Commands;

public sealed class EvalCommand_OptionErrors
{
    [Fact]
    public void A_folder_that_is_not_a_simulation_exits_2_and_says_what_is_missing()
    {
        var dir = CliProcess.NewTempDirectory();
        var (code, _, stderr) = CliProcess.Run("eval", "--sim", dir, "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("streamrisk eval: --sim", stderr);
        Assert.Contains("news.jsonl", stderr);
    }

    [Fact]
    public void A_missing_folder_exits_2()
    {
        var dir = Path.Combine(CliProcess.NewTempDirectory(), "absent");
        var (code, _, stderr) = CliProcess.Run("eval", "--sim", dir);
        Assert.Equal(2, code);
        Assert.Contains("is not a folder", stderr);
    }

    [Theory]
    [InlineData("--horizon", "0")]
    [InlineData("--neutral-band", "1.5")]
    [InlineData("--chunk-size", "0")]
    public void An_out_of_range_setting_exits_2_naming_it(string option, string value)
    {
        var dir = CliProcess.NewTempDirectory();
        Directory.CreateDirectory(Path.Combine(dir, "truth"));
        foreach (var f in new[] { "news.jsonl", "fundamentals.jsonl", "spreads.jsonl", "issuers.csv", "truth/polarity.jsonl", "truth/latent.csv" })
        {
            File.WriteAllText(Path.Combine(dir, f), "");
        }
        var (code, _, stderr) = CliProcess.Run("eval", "--sim", dir, option, value, "--quiet");
        Assert.Equal(2, code);
        Assert.Contains(option, stderr);
    }

    [Fact]
    public void A_missing_industry_model_exits_2_with_the_reason()
    {
        var dir = CliProcess.NewTempDirectory();
        Directory.CreateDirectory(Path.Combine(dir, "truth"));
        foreach (var f in new[] { "news.jsonl", "fundamentals.jsonl", "spreads.jsonl", "issuers.csv", "truth/polarity.jsonl", "truth/latent.csv" })
        {
            File.WriteAllText(Path.Combine(dir, f), "");
        }
        var (code, _, stderr) = CliProcess.Run("eval", "--sim", dir, "--industry-model", "gguf:" + Path.Combine(dir, "absent.gguf"), "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("does not exist", stderr);
    }

    [Fact]
    public void Without_sim_the_command_is_refused()
    {
        var (code, _, stderr) = CliProcess.Run("eval");
        Assert.NotEqual(0, code);
        Assert.Contains("--sim", stderr);
    }
}
