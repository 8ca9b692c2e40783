using System.Text.Json.Nodes;
using StreamRisk.RiskModels.Artifacts;
using StreamRisk.RiskModels.Data;
using StreamRisk.RiskModels.Forecasting;

namespace StreamRisk.RiskModels.Tests.Artifacts;

public class ModelArtifact_RoundTrip
{
    [Fact]
    public void SavedArtifact_LoadsWithTheSameManifestWeightsAndForecasts()
    {
        var dir = TestNetworks.TempDirectory();
        var saved = TestNetworks.SaveSpreadArtifact(dir, seed: 4);
        var loaded = ModelArtifact.Load(dir, SpreadForecastModel.Kind);

        Assert.Equal(saved.Manifest.ModelVersion, loaded.Manifest.ModelVersion);
        Assert.Equal(saved.Manifest.Features, loaded.Manifest.Features);
        Assert.Equal(saved.Manifest.Normalisation.Scale, loaded.Manifest.Normalisation.Scale);
        Assert.Equal(saved.Manifest.Hyperparameters, loaded.Manifest.Hyperparameters);
        Assert.Equal(saved.Manifest.Extras["visible"], loaded.Manifest.Extras["visible"]);
        Assert.Equal(saved.Manifest.Weights.Single().Sha256, loaded.Manifest.Weights.Single().Sha256);
        foreach (var (name, tensor) in saved.Tensors)
        {
            Assert.Equal(tensor.Shape, loaded.Tensors[name].Shape);
            Assert.Equal(tensor.Data, loaded.Tensors[name].Data);
        }

        var series = TestMarkets.Series(1, 40, seed: 2)[0];
        var a = SpreadForecastModel.FromArtifact(saved).Forecast(series);
        var b = SpreadForecastModel.Load(dir).Forecast(series);
        Assert.Equal(a.Horizons, b.Horizons);
        Assert.Equal("spread-itransformer@test", b.ModelVersion);
        Assert.All(b.Horizons, h => Assert.True(h.LowerBps < h.SpreadBps && h.SpreadBps < h.UpperBps));
    }

    [Fact]
    public void CorruptWeights_AreRefused_NamingTheFileAndTheChecksumField()
    {
        var dir = TestNetworks.TempDirectory();
        TestNetworks.SaveSpreadArtifact(dir);
        var weights = Path.Combine(dir, "weights.safetensors");
        var bytes = File.ReadAllBytes(weights);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(weights, bytes);

        var ex = Assert.Throws<ModelArtifactException>(() => ModelArtifact.Load(dir));
        Assert.Contains(weights, ex.Message);
        Assert.Contains("weights.sha256", ex.Message);
    }

    [Theory]
    [InlineData("format_version", "2", "format_version")]
    [InlineData("features", "[]", "features")]
    [InlineData("model_kind", "\"default-emdlot\"", "model_kind")]
    public void MismatchedManifest_IsRefused_NamingTheField(string field, string json, string expected)
    {
        var dir = TestNetworks.TempDirectory();
        TestNetworks.SaveSpreadArtifact(dir);
        var path = Path.Combine(dir, ModelManifest.FileName);
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        node[field] = JsonNode.Parse(json);
        File.WriteAllText(path, node.ToJsonString());

        var ex = Assert.Throws<ModelArtifactException>(() => SpreadForecastModel.Load(dir));
        Assert.Contains(path, ex.Message);
        Assert.Contains($"'{expected}'", ex.Message);
    }

    [Fact]
    public void WeightsOfAnotherShape_AreRefused_NamingTheTensor()
    {
        var dir = TestNetworks.TempDirectory();
        TestNetworks.SaveSpreadArtifact(dir);
        var path = Path.Combine(dir, ModelManifest.FileName);
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        node["hyperparameters"]!["d_model"] = 8;
        File.WriteAllText(path, node.ToJsonString());

        var ex = Assert.Throws<ModelArtifactException>(() => SpreadForecastModel.Load(dir));
        Assert.Contains("tensor 'embed.weight'", ex.Message);
    }

    [Fact]
    public void MalformedManifest_IsRefused_NamingTheFile()
    {
        var dir = TestNetworks.TempDirectory();
        TestNetworks.SaveSpreadArtifact(dir);
        var path = Path.Combine(dir, ModelManifest.FileName);
        File.WriteAllText(path, "{\"format_version\": \"one\"}");
        var ex = Assert.Throws<ModelArtifactException>(() => ModelArtifact.Load(dir));
        Assert.Contains(path, ex.Message);
        Assert.Contains("format_version", ex.Message);
    }

    [Fact]
    public void AFeatureThisBuildDoesNotCompute_IsRefused()
    {
        var dir = TestNetworks.TempDirectory();
        TestNetworks.SaveSpreadArtifact(dir);
        var path = Path.Combine(dir, ModelManifest.FileName);
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        node["features"]![3] = "treasury_10y";
        File.WriteAllText(path, node.ToJsonString());
        var ex = Assert.Throws<ModelArtifactException>(() => SpreadForecastModel.Load(dir));
        Assert.Contains("treasury_10y", ex.Message);
    }
}
