namespace StreamRisk.Core.Topics;

/// <summary>How many topics a text may be mapped to, and how similar it must be to count.</summary>
public sealed record TopicRetrievalOptions
{
    /// <summary>
    /// Threshold for <see cref="HashedTfIdfEmbedder"/> (default options), measured over the 123 topics of
    /// data/reference/topics.csv: 17 off-domain texts (sport, cooking, arts, routine corporate notices) reach at most
    /// 0.174 with their nearest topic; 10 short on-domain news texts reach 0.25–0.49 with the right topic first; the 70
    /// Reuters 1987 texts of data/samples reach their expected topic (oil, OPEC, M&amp;A) above 0.20 in 58 cases.
    /// Hashed TF-IDF cosines sit far below dense-embedding ones, so the paper's 0.6 would reject everything.
    /// </summary>
    public const double HashedTfIdfMinSimilarity = 0.20;

    /// <summary>The paper's threshold for dense sentence embeddings (bge-style models).</summary>
    public const double DenseEmbeddingMinSimilarity = 0.6;

    public static TopicRetrievalOptions Default { get; } = new();

    /// <summary>Nearest neighbours asked of the index.</summary>
    public int TopK { get; init; } = 5;

    /// <summary>Most topics kept per text.</summary>
    public int MaxTopics { get; init; } = 3;

    /// <summary>A topic counts only when its cosine similarity is strictly above this.</summary>
    public double MinSimilarity { get; init; } = HashedTfIdfMinSimilarity;
}
