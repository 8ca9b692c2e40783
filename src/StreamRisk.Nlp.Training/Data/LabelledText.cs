namespace StreamRisk.Nlp.Training.Data;

/// <summary>Sentiment classes in the order the trained models output them.</summary>
public static class SentimentClasses
{
    public const int Negative = 0;
    public const int Neutral = 1;
    public const int Positive = 2;
    public const int Count = 3;
    public static readonly string[] Names = ["negative", "neutral", "positive"];

    /// <summary>Reads a label written as a name (negative/neutral/positive, neg/neu/pos, bearish/bullish) or as −1/0/1.</summary>
    public static int? Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        "negative" or "neg" or "bearish" or "-1" => Negative,
        "neutral" or "neu" or "0" => Neutral,
        "positive" or "pos" or "bullish" or "1" or "+1" => Positive,
        _ => null,
    };
}

/// <summary>A character range [Start, End) of the issuer's mention in the text.</summary>
public readonly record struct MentionSpan(int Start, int End);

/// <summary>One labelled example: a sentence-level label (no issuer) or an issuer-level one (the issuer's mentions in
/// the text). <paramref name="Line"/> is where it came from in its file, for error messages.</summary>
public sealed record LabelledText(string Text, int Label, string? Issuer, IReadOnlyList<MentionSpan> Mentions, int Line)
{
    /// <summary>The names of the other issuers labelled on the same text (filled when issuer names are masked, before the
    /// text is cut to this issuer's clauses).</summary>
    public IReadOnlyList<string> OtherIssuers { get; init; } = [];
}
