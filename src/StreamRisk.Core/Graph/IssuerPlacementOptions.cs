using System.Globalization;
using StreamRisk.Core.Topics;

namespace StreamRisk.Core.Graph;

/// <summary>
/// How issuers listed without industry codes are placed by their business description (<see cref="IssuerPlacement"/>):
/// every industry whose definition is at least <see cref="Threshold"/> similar to the description, else the single most
/// similar one. <see cref="Embedder"/> null: the built-in hashed TF-IDF embedder, its IDF learned from the industry texts,
/// at <see cref="DefaultThreshold"/>; a dense sentence-embedding model (<see cref="Dense"/>) at <see cref="DenseEmbeddingThreshold"/>.
/// </summary>
public sealed record IssuerPlacementOptions
{
    /// <summary>
    /// For the built-in embedder over data/reference: the best F1 against the industry codes on 20 of the 40 issuers
    /// whose descriptions and codes were both written down, checked on the other 20 (docs/knowledge-graph.md, "Issuer
    /// placement"). Dense sentence embeddings score higher: they get <see cref="DenseEmbeddingThreshold"/>.
    /// </summary>
    public const double DefaultThreshold = 0.27;

    /// <summary>
    /// For dense sentence embeddings (an ONNX model): the scale MulFSA's 0.6 was chosen on, the cut-off topic retrieval
    /// uses for them (<see cref="TopicRetrievalOptions.DenseEmbeddingMinSimilarity"/>). Not measured for placement: no
    /// real dense model was available where this was written (docs/knowledge-graph.md).
    /// </summary>
    public const double DenseEmbeddingThreshold = TopicRetrievalOptions.DenseEmbeddingMinSimilarity;

    public static IssuerPlacementOptions Default { get; } = new();

    /// <summary>Placement with a dense sentence-embedding model, at <see cref="DenseEmbeddingThreshold"/>.</summary>
    public static IssuerPlacementOptions Dense(ITextEmbedder embedder)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        return new() { Embedder = embedder, Threshold = DenseEmbeddingThreshold };
    }

    /// <summary>Cosine similarity an industry's definition needs to the description to be one of the issuer's industries.</summary>
    public double Threshold { get; init; } = DefaultThreshold;

    /// <summary>What descriptions and industry definitions are embedded with; null for the built-in one.</summary>
    public ITextEmbedder? Embedder { get; init; }

    /// <summary>The first problem, worded for the CLI option that sets it; null when valid.</summary>
    public string? Problem() =>
        !double.IsFinite(Threshold) || Threshold is < 0 or > 1
            ? string.Create(CultureInfo.InvariantCulture, $"--placement-threshold must be a number in [0, 1] (got {Threshold})")
            : null;
}
