using System.Text;
using StreamRisk.Core.Events;
using StreamRisk.Infrastructure.Schemas;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Running;

public class PipelineRun_OnnxModels
{
    private static string Models()
    {
        var dir = Environment.GetEnvironmentVariable("STREAMRISK_TEST_MODELS") ?? Path.Combine(RepositoryPaths.Root, ".models");
        if (!File.Exists(Path.Combine(dir, "absa-graph.manifest.json")))
        {
            throw new InvalidOperationException($"ONNX test models not found in {dir}: run `bash infra/models/make-test-models.sh` (make test does)");
        }
        return dir;
    }

    [Fact]
    public async Task With_onnx_manifests_configured_every_text_model_runs_on_onnx_runtime_end_to_end()
    {
        var models = Models();
        var outDir = RepositoryPaths.NewTempDirectory();
        var summary = await PipelineRun.RunAsync(new RunOptions
        {
            Inputs = [RepositoryPaths.Samples],
            OutDirectory = outDir,
            Models = new ModelOptions
            {
                FirmModel = Path.Combine(models, "absa-graph.manifest.json"),
                NerModel = Path.Combine(models, "ner.manifest.json"),
                EmbeddingModel = Path.Combine(models, "embed-cls.manifest.json"),
            },
        }, null, CancellationToken.None);

        Assert.True(summary.Counters.FirmSentiments > 0);
        var firm = File.ReadLines(Path.Combine(outDir, Topics.FirmSentiment + ".jsonl")).ToArray();
        Assert.All(firm, line =>
        {
            var e = EventJson.Deserialize<FirmSentiment>(Encoding.UTF8.GetBytes(line));
            Assert.DoesNotContain("lexicon", e.Model);
            Assert.True(EventSchemas.Default.Check(Topics.FirmSentiment, Encoding.UTF8.GetBytes(line)).IsValid);
        });
        Assert.True(summary.Counters.RiskScores > 0);
    }

    [Fact]
    public async Task A_missing_manifest_is_a_configuration_error_naming_it()
    {
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() => PipelineRun.RunAsync(new RunOptions
        {
            Inputs = [RepositoryPaths.Samples],
            Models = new ModelOptions { FirmModel = "/no/such/manifest.json" },
        }, null, CancellationToken.None));
        Assert.Contains("/no/such/manifest.json", ex.Message);
    }
}
