using StreamRisk.Core.Serialization;
using StreamRisk.RiskModels.Artifacts;
using StreamRisk.RiskModels.Data;
using StreamRisk.RiskModels.Forecasting;
using StreamRisk.RiskModels.Networks;

namespace StreamRisk.RiskModels.Tests;

/// <summary>iTransformers with random weights and the artifacts that hold them.</summary>
internal static class TestNetworks
{
    public static Dictionary<string, SafetensorsTensor> RandomWeights(ITransformerShape shape, int seed)
    {
        var random = new Random(seed);
        return shape.Tensors().ToDictionary(t => t.Name, t =>
        {
            var count = t.Shape.Aggregate(1, (a, d) => a * d);
            var data = Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
            if (t.Name.EndsWith("norm1.weight") || t.Name.EndsWith("norm2.weight") || t.Name == "norm.weight") data = data.Select(v => 1 + v).ToArray();
            return new SafetensorsTensor(t.Shape, data);
        });
    }

    public static ModelArtifact SaveSpreadArtifact(string directory, int seed = 1, bool[]? visible = null, int dModel = 16, int heads = 2,
        int layers = 2, int feedForward = 32)
    {
        var features = SpreadFeatures.All;
        var horizons = SpreadFeatures.DefaultHorizons;
        var shape = new ITransformerShape(7, features.Count, dModel, heads, layers, feedForward, horizons.Count);
        var manifest = new ModelManifest(
            ModelManifest.CurrentFormatVersion, SpreadForecastModel.Kind, "spread-itransformer@test", features,
            new FeatureNormalisation(features.Select(_ => 0.0).ToArray(), features.Select(_ => 1.0).ToArray()),
            new OutputScaling(horizons.Select(h => $"log_change_h{h}").ToList(), horizons.Select(_ => 0.0).ToArray(), horizons.Select(_ => 0.01).ToArray()),
            new TrainingDataInfo("abc123", "test", 10), new Dictionary<string, double> { ["val_mae_h1"] = 1.5 }, seed, "test", [],
            new Dictionary<string, double> { ["window"] = 7, ["d_model"] = dModel, ["heads"] = heads, ["layers"] = layers, ["feed_forward"] = feedForward },
            new Dictionary<string, double[]>
            {
                ["horizons"] = horizons.Select(h => (double)h).ToArray(),
                ["visible"] = (visible ?? features.Select(_ => true).ToArray()).Select(v => v ? 1.0 : 0.0).ToArray(),
                ["residual_q05"] = horizons.Select(_ => -0.05).ToArray(),
                ["residual_q95"] = horizons.Select(_ => 0.05).ToArray(),
            });
        return ModelArtifact.Save(directory, manifest, RandomWeights(shape, seed));
    }

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "streamrisk-riskmodels-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
