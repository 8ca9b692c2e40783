using StreamRisk.Core.Graph;
using StreamRisk.Core.Reference;
using StreamRisk.Infrastructure.Reference;
using StreamRisk.Nlp.Embeddings;
using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Running;

/// <summary>
/// Issuers listed without industries are placed with the ONNX sentence-embedding model when <c>--embedding-model</c> is
/// configured (its model id in the summary, its vectors behind the similarities, the dense default threshold), and with
/// the built-in hashed TF-IDF embedder otherwise. The tiny test model has random weights: this checks the wiring, not the
/// quality of the placements.
/// </summary>
public sealed class PipelineRun_PlacementEmbedder
{
    private const string TestModelId = "streamrisk-test-embed-cls@1";

    private static string EmbeddingManifest()
    {
        var dir = Environment.GetEnvironmentVariable("STREAMRISK_TEST_MODELS") ?? Path.Combine(RepositoryPaths.Root, ".models");
        var manifest = Path.Combine(dir, "embed-cls.manifest.json");
        if (!File.Exists(manifest))
        {
            throw new InvalidOperationException($"ONNX test models not found in {dir}: run `bash infra/models/make-test-models.sh` (make test does)");
        }
        return manifest;
    }

    /// <summary>What the placement rule gives over vectors from <paramref name="embedder"/>, computed here independently.</summary>
    private static Dictionary<string, IReadOnlyList<PlacedIndustry>> ExpectedPlacements(ReferenceData reference, OnnxTextEmbedder embedder, double threshold)
    {
        var industries = IssuerPlacement.IndustryVectors(reference.Industries, embedder);
        return reference.PlacedIssuers.ToDictionary(issuer => issuer.IssuerId,
            issuer => IssuerPlacement.Place(embedder.Embed(issuer.Description!), industries, threshold));
    }

    [Fact]
    public async Task A_run_with_an_embedding_model_places_with_its_vectors_at_the_dense_default()
    {
        var manifest = EmbeddingManifest();
        var dir = RepositoryPaths.NewTempDirectory();

        var summary = await PipelineRun.RunAsync(new RunOptions
        {
            Inputs = [Path.Combine(RepositoryPaths.Samples, "02-handmade.jsonl")],
            DatabasePath = Path.Combine(dir, "run.db"),
            Models = new ModelOptions { EmbeddingModel = manifest },
        }, null, CancellationToken.None);

        Assert.NotNull(summary.Placement);
        Assert.Equal(TestModelId, summary.Placement.EmbedderId);
        Assert.Equal(IssuerPlacementOptions.DenseEmbeddingThreshold, summary.Placement.Threshold);
        Assert.Equal(4, summary.PlacedIssuers.Count);
        using var model = OnnxTextEmbedder.Load(manifest);
        var builtIn = ReferenceDataLoader.Load(RepositoryPaths.Reference);
        var expected = ExpectedPlacements(builtIn, model, IssuerPlacementOptions.DenseEmbeddingThreshold);
        foreach (var issuer in summary.PlacedIssuers)
        {
            var want = expected[issuer.IssuerId];
            Assert.Equal(want.Select(p => p.IndustryId), issuer.IndustryIds);
            Assert.Equal(want.Select(p => p.Similarity), issuer.Placement!.Select(p => p.Similarity), (a, b) => Math.Abs(a - b) < 1e-6);
        }
        // The hashed TF-IDF placement of the same issuers has other similarities: the model's vectors were used.
        Assert.NotEqual(builtIn.PlacedIssuers.SelectMany(i => i.Placement!.Select(p => p.Similarity)),
            summary.PlacedIssuers.SelectMany(i => i.Placement!.Select(p => p.Similarity)));
    }

    [Fact]
    public void The_threshold_option_overrides_the_dense_default_and_the_model_still_places()
    {
        var manifest = EmbeddingManifest();
        using var model = PipelineModels.LoadEmbeddingModel(new ModelOptions { EmbeddingModel = manifest });

        var reference = WorkerHost.LoadReference(null, 0.05, model);

        Assert.Equal(TestModelId, reference.Placement!.EmbedderId);
        Assert.Equal(0.05, reference.Placement.Threshold);
        var expected = ExpectedPlacements(reference, model!, 0.05);
        Assert.All(reference.PlacedIssuers, issuer => Assert.Equal(expected[issuer.IssuerId].Select(p => p.IndustryId), issuer.IndustryIds));
    }

    [Fact]
    public void Without_an_embedding_model_placement_uses_the_built_in_embedder_at_its_default()
    {
        Assert.Null(PipelineModels.LoadEmbeddingModel(ModelOptions.BuiltIn));

        var reference = WorkerHost.LoadReference(null, null, null);

        Assert.StartsWith("hashed-tfidf/", reference.Placement!.EmbedderId);
        Assert.Equal(IssuerPlacementOptions.DefaultThreshold, reference.Placement.Threshold);
    }

    [Fact]
    public void A_missing_embedding_manifest_is_a_configuration_error_naming_it()
    {
        var e = Assert.Throws<ConfigurationException>(() => PipelineModels.LoadEmbeddingModel(new ModelOptions { EmbeddingModel = "/no/such/embed.manifest.json" }));

        Assert.Contains("/no/such/embed.manifest.json", e.Message);
    }
}
