using StreamRisk.Pipeline.Evaluation;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Evaluation;

public sealed class SimulationEvaluation_BadOptions
{
    private static Task<EvaluationResult> Evaluate(EvaluationOptions options) => SimulationEvaluation.RunAsync(options, null, CancellationToken.None);

    [Fact]
    public async Task A_missing_folder_is_named()
    {
        var missing = Path.Combine(RepositoryPaths.NewTempDirectory(), "nope");
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() => Evaluate(new EvaluationOptions { SimulationDirectory = missing }));
        Assert.Contains(missing, ex.Message);
    }

    [Fact]
    public async Task A_folder_without_truth_is_refused_before_the_pipeline_runs()
    {
        var dir = RepositoryPaths.NewTempDirectory();
        foreach (var f in new[] { "news.jsonl", "fundamentals.jsonl", "spreads.jsonl", "issuers.csv" }) File.WriteAllText(Path.Combine(dir, f), "");
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() => Evaluate(new EvaluationOptions { SimulationDirectory = dir }));
        Assert.Contains("truth/polarity.jsonl", ex.Message);
        Assert.False(Directory.Exists(Path.Combine(dir, "eval")));
    }

    [Theory]
    [InlineData(0, 20, 0.05, "--chunk-size")]
    [InlineData(64, 0, 0.05, "--horizon")]
    [InlineData(64, 20, -0.1, "--neutral-band")]
    [InlineData(64, 20, 1.0, "--neutral-band")]
    public async Task Out_of_range_settings_name_their_option(int chunk, int horizon, double band, string option)
    {
        var dir = RepositoryPaths.NewTempDirectory();
        Directory.CreateDirectory(Path.Combine(dir, "truth"));
        foreach (var f in new[] { "news.jsonl", "fundamentals.jsonl", "spreads.jsonl", "issuers.csv", "truth/polarity.jsonl", "truth/latent.csv" })
        {
            File.WriteAllText(Path.Combine(dir, f), "");
        }
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() => Evaluate(
            new EvaluationOptions { SimulationDirectory = dir, ChunkSize = chunk, HorizonDays = horizon, NeutralBand = band }));
        Assert.Contains(option, ex.Message);
    }
}
