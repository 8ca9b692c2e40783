using System.Text.Json;
using StreamRisk.RiskModels.Default;

namespace StreamRisk.Cli.Tests.Commands.Training;

/// <summary>
/// The default-class path as a user runs it, on a small simulated market: the study with its report and artifacts, an
/// EMDLOT artifact from train default, and a pipeline run that serves the study's text-embedding MLP with EMDLOT as its shadow,
/// next to baseline-v1 for issuers without a statement.
/// </summary>
public sealed class DefaultCommands_TrainEvalServe
{
    private static readonly Dictionary<string, string> Passive = new() { ["OMP_WAIT_POLICY"] = "PASSIVE" };

    private static string Simulate()
    {
        var sim = Path.Combine(CliProcess.NewTempDirectory(), "sim");
        var (code, _, stderr) = CliProcess.Run("simulate", "--issuers", "150", "--years", "6", "--seed", "3", "--news-per-issuer-year", "1",
            "--extended-share", "0.10", "--defaulted-share", "0.15", "--out", sim, "--quiet");
        Assert.True(code == 0, stderr);
        return sim;
    }

    [Fact]
    public void EvalDefault_WritesTheReport_AndTrainDefault_WritesAnArtifactThatRunServes()
    {
        var sim = Simulate();
        var report = Path.Combine(CliProcess.NewTempDirectory(), "report");
        var (code, stdout, stderr) = CliProcess.RunWith(Passive, "eval", "default", "--sim", sim, "--models", "prior,logistic,emdlot,embed-mlp", "--seeds", "1",
            "--epochs", "6", "--out", report);
        Assert.True(code == 0, stderr);
        Assert.Contains("| EMDLOT | 1/1 |", stdout);
        Assert.Contains("| text-embedding MLP + SMOTE (seed 004) | 1/1 |", stdout);
        var markdown = File.ReadAllText(Path.Combine(report, "report.md"));
        Assert.Contains("## Verdict", markdown);
        Assert.Contains("| logistic regression | 1/1 |", markdown);
        Assert.Contains("(150 issuers × 6 years, seed 3)", markdown);
        foreach (var chart in new[] { "pr-defaulted.svg", "calibration-defaulted.svg", "clusters.svg", "attention-cluster-1.svg" })
        {
            Assert.StartsWith("<?xml", File.ReadAllText(Path.Combine(report, chart)));
        }

        var artifact = Path.Combine(CliProcess.NewTempDirectory(), "emdlot");
        (code, _, stderr) = CliProcess.RunWith(Passive, "train", "default", "--sim", sim, "--epochs", "6", "--out", artifact, "--quiet");
        Assert.True(code == 0, stderr);
        var model = DefaultClassModel.Load(artifact);
        // The same data, options and seed as the study's EMDLOT seed 1: the same weights.
        var studied = DefaultClassModel.Load(Path.Combine(report, "models", "emdlot", "seed-1"));
        Assert.Equal(studied.Artifact.Manifest.Weights[0].Sha256, model.Artifact.Manifest.Weights[0].Sha256);

        // The study's text-embedding MLP is served; the EMDLOT artifact shadows it.
        var embedMlp = DefaultClassModels.Load(Path.Combine(report, "models", "embed-mlp", "seed-1"));

        // Serve them over the market's first two years of statements and disclosures.
        var input = CliProcess.NewTempDirectory();
        foreach (var file in new[] { "fundamentals.jsonl", "disclosures.jsonl" })
        {
            File.WriteAllLines(Path.Combine(input, file), File.ReadLines(Path.Combine(sim, file)).Where(l => l.Contains("\"1999-", StringComparison.Ordinal) || l.Contains("\"2000-0", StringComparison.Ordinal)));
        }
        var outDir = Path.Combine(CliProcess.NewTempDirectory(), "out");
        (code, _, stderr) = CliProcess.RunWith(Passive, "run", "--input", input, "--issuers", Path.Combine(sim, "issuers.csv"), "--firm-model", "lexicon",
            "--risk-model", Path.Combine(report, "models", "embed-mlp", "seed-1"), "--risk-model-shadow", artifact, "--macro", Path.Combine(sim, "macro.csv"),
            "--out", outDir, "--quiet");
        Assert.True(code == 0, stderr);
        var scores = File.ReadLines(Path.Combine(outDir, "risk.scores.v1.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var served = scores.Where(s => s.GetProperty("model").GetString() == embedMlp.Version).ToList();
        Assert.NotEmpty(served);
        Assert.All(served, s =>
        {
            var explanation = s.GetProperty("class_explanation");
            Assert.True(explanation.GetProperty("quarters").GetInt32() >= 1);
            Assert.Equal(1, explanation.GetProperty("clusters").EnumerateArray().Single().GetDouble());
            Assert.Equal(1, explanation.GetProperty("numbers_weight").GetDouble() + explanation.GetProperty("text_weight").GetDouble(), 6);
            var shadow = s.GetProperty("shadow");
            Assert.Equal(model.Version, shadow.GetProperty("model").GetString());
            Assert.Equal(1, shadow.GetProperty("p_performing").GetDouble() + shadow.GetProperty("p_extended").GetDouble() + shadow.GetProperty("p_defaulted").GetDouble(), 6);
        });
        // The two models disagree somewhere: the shadow is scored, not copied.
        Assert.Contains(served, s => Math.Abs(s.GetProperty("p_defaulted").GetDouble() - s.GetProperty("shadow").GetProperty("p_defaulted").GetDouble()) > 1e-6);
        // Before an issuer's first statement its score is baseline-v1's, without an explanation.
        Assert.All(scores.Where(s => s.GetProperty("model").GetString() != embedMlp.Version), s =>
        {
            Assert.Equal("baseline-v1", s.GetProperty("model").GetString());
            Assert.False(s.TryGetProperty("class_explanation", out _));
        });
    }
}
