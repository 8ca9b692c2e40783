namespace StreamRisk.Core.Sentiment;

/// <summary>Tuning of the built-in lexicon scorers.</summary>
public sealed record LexiconSentimentOptions
{
    public static LexiconSentimentOptions Default { get; } = new();

    /// <summary>Multiplier for a scored word inside a negation's scope: flips and dampens ("not good" is milder than "bad").</summary>
    public double NegationFactor { get; init; } = -0.6;

    /// <summary>How many words after a negator it reaches; a clause boundary ends it earlier.</summary>
    public int NegationWindow { get; init; } = 3;

    /// <summary>How many words an intensifier reaches, forwards ("sharply higher") or back ("fell sharply").</summary>
    public int IntensifierWindow { get; init; } = 2;

    /// <summary>Weight of a clause that names no issuer, for the issuer named in the nearest preceding clause of its sentence.</summary>
    public double SameSentenceCarryWeight { get; init; } = 0.6;

    /// <summary>Weight of a clause that names no issuer and follows no mention in its sentence, for the issuer named nearest before it.</summary>
    public double OtherSentenceCarryWeight { get; init; } = 0.3;

    /// <summary>Evidence mass (sum of |scores|) at which half the probability leaves "neutral"; one strong word (|3|) gives about 0.5.</summary>
    public double EvidenceHalfMass { get; init; } = 3.0;
}
