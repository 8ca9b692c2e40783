using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Running;

/// <summary>
/// The embedding model loaded once for issuer placement is the one topic retrieval uses: <see cref="PipelineModels.Create"/>
/// does not load <c>--embedding-model</c> again when handed it, and leaves it to the caller to dispose.
/// </summary>
public sealed class PipelineModels_SharedEmbeddingModel
{
    [Fact]
    public void A_loaded_model_is_reused_not_loaded_again_and_outlives_the_pipeline_models()
    {
        var dir = Environment.GetEnvironmentVariable("STREAMRISK_TEST_MODELS") ?? Path.Combine(RepositoryPaths.Root, ".models");
        var manifest = Path.Combine(dir, "embed-cls.manifest.json");
        Assert.True(File.Exists(manifest), $"ONNX test models not found in {dir}: run `bash infra/models/make-test-models.sh`");
        using var model = PipelineModels.LoadEmbeddingModel(new ModelOptions { EmbeddingModel = manifest })!;
        var reference = WorkerHost.LoadReference(null, null, model);
        // A manifest that does not exist: loading it again would throw.
        var options = ModelOptions.BuiltIn with { EmbeddingModel = "/not/loaded/again.manifest.json", VectorIndex = "embedded", Graph = "embedded" };

        using (var models = PipelineModels.Create(reference, options, model))
        {
            Assert.Equal(model.ModelId, models.Topics.EmbedderId);
            Assert.Equal(0.6, models.Topics.Options.MinSimilarity);
        }

        Assert.Equal(model.Dimension, model.Embed("still usable after the pipeline models are disposed").Length);
    }
}
