using StreamRisk.Core.Graph;
using StreamRisk.Core.Topics;

namespace StreamRisk.Core.Tests.Graph;

/// <summary>Placement with a dense sentence-embedding model defaults to the dense scale's threshold, not the built-in one's.</summary>
public sealed class IssuerPlacementOptions_Dense
{
    private sealed class FixedEmbedder : ITextEmbedder
    {
        public string ModelId => "fixed@1";
        public int Dimension => 1;
        public float[] Embed(string text) => [1];
    }

    [Fact]
    public void Dense_options_carry_the_model_and_the_dense_threshold()
    {
        var embedder = new FixedEmbedder();

        var options = IssuerPlacementOptions.Dense(embedder);

        Assert.Same(embedder, options.Embedder);
        Assert.Equal(TopicRetrievalOptions.DenseEmbeddingMinSimilarity, options.Threshold);
        Assert.True(options.Threshold > IssuerPlacementOptions.DefaultThreshold);
        Assert.Null(options.Problem());
        Assert.Null(IssuerPlacementOptions.Default.Embedder);
    }

    [Fact]
    public void Dense_options_need_a_model() =>
        Assert.Throws<ArgumentNullException>(() => IssuerPlacementOptions.Dense(null!));
}
