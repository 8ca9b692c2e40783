namespace StreamRisk.Core.Topics;

/// <summary>Shape of the <see cref="HashedTfIdfEmbedder"/> vector space.</summary>
public sealed record HashedTfIdfOptions
{
    public static HashedTfIdfOptions Default { get; } = new();

    /// <summary>Number of hash buckets (vector length).</summary>
    public int Dimension { get; init; } = 4096;

    /// <summary>Shortest and longest character n-gram taken from each word (with its boundary markers).</summary>
    public int MinCharNgram { get; init; } = 3;

    public int MaxCharNgram { get; init; } = 5;

    /// <summary>Weight of one word unigram occurrence.</summary>
    public float WordWeight { get; init; } = 1.0f;

    /// <summary>Weight of one word bigram occurrence.</summary>
    public float BigramWeight { get; init; } = 0.8f;

    /// <summary>Weight of one character n-gram occurrence: a word yields many, so each counts for less.</summary>
    public float CharNgramWeight { get; init; } = 0.5f;
}
