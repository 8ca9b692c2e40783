namespace StreamRisk.Core.Text;

/// <summary>How <see cref="GazetteerIssuerRecognizer"/> links names it does not find verbatim.</summary>
public sealed record IssuerRecognizerOptions
{
    public static IssuerRecognizerOptions Default { get; } = new();

    /// <summary>Link near-miss names by Jaro–Winkler similarity.</summary>
    public bool Fuzzy { get; init; } = true;

    /// <summary>Similarity a candidate of two or more words needs to be linked.</summary>
    public double FuzzyThreshold { get; init; } = 0.8;

    /// <summary>
    /// Similarity a one-word candidate needs, and a candidate that replaces an exact suffix-less match: one word
    /// comes close to unrelated names by chance ("Monday" and "Mondelez" score 0.83).
    /// </summary>
    public double StrictFuzzyThreshold { get; init; } = 0.9;
}
