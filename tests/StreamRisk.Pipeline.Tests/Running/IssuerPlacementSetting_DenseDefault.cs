using StreamRisk.Core.Graph;
using StreamRisk.Core.Topics;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Running;

/// <summary>
/// With an ONNX sentence-embedding model placing issuers, the default threshold is the dense one (0.6, not the built-in
/// embedder's 0.27); the option and the variable still override it, and bad values are the same clear errors, naming the
/// default that applies.
/// </summary>
public sealed class IssuerPlacementSetting_DenseDefault
{
    private sealed class DenseEmbedder : ITextEmbedder
    {
        public string ModelId => "dense-test@1";
        public int Dimension => 2;
        public float[] Embed(string text) => [1, 0];
    }

    private static readonly DenseEmbedder Model = new();

    private static IssuerPlacementOptions Resolve(double? option, string? variable, ITextEmbedder? embedder) =>
        IssuerPlacementSetting.Resolve(option, name => name == IssuerPlacementSetting.ThresholdVariable ? variable : null, embedder);

    [Fact]
    public void A_dense_model_places_at_the_dense_default_with_that_model()
    {
        var options = Resolve(null, null, Model);

        Assert.Equal(IssuerPlacementOptions.DenseEmbeddingThreshold, options.Threshold);
        Assert.Equal(0.6, options.Threshold);
        Assert.Same(Model, options.Embedder);
    }

    [Fact]
    public void Without_a_model_the_built_in_embedder_keeps_its_measured_default()
    {
        var options = Resolve(null, null, null);

        Assert.Equal(0.27, options.Threshold);
        Assert.Null(options.Embedder);
    }

    [Fact]
    public void The_option_and_the_variable_override_the_dense_default_and_keep_the_model()
    {
        var byOption = Resolve(0.35, "0.45", Model);
        var byVariable = Resolve(null, "0.45", Model);

        Assert.Equal(0.35, byOption.Threshold);
        Assert.Same(Model, byOption.Embedder);
        Assert.Equal(0.45, byVariable.Threshold);
        Assert.Same(Model, byVariable.Embedder);
    }

    [Theory]
    [InlineData(1.5, null, "--placement-threshold must be a number in [0, 1] (got 1.5)")]
    [InlineData(double.NaN, null, "--placement-threshold must be a number in [0, 1]")]
    [InlineData(null, "abc", "STREAMRISK_PLACEMENT_THRESHOLD 'abc' is not a number")]
    [InlineData(null, "-1", "STREAMRISK_PLACEMENT_THRESHOLD must be a number in [0, 1] (got -1)")]
    public void Bad_values_are_the_same_errors_naming_the_dense_default(double? option, string? variable, string problem)
    {
        var e = Assert.Throws<ConfigurationException>(() => Resolve(option, variable, Model));

        Assert.StartsWith(problem, e.Message);
        Assert.Contains("(default 0.6)", e.Message);
    }
}
