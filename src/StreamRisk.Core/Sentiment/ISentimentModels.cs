using StreamRisk.Core.Events;

namespace StreamRisk.Core.Sentiment;

/// <summary>P(neg, neu, pos), summing to 1.</summary>
public readonly record struct SentimentProbabilities(double Negative, double Neutral, double Positive)
{
    /// <summary>s = P(pos) − P(neg).</summary>
    public double Score => Positive - Negative;
}

/// <summary>One (text, issuer) pair to score: the issuer's mentions locate the aspect inside the text.</summary>
public sealed record AspectRequest(string Text, string IssuerId, IReadOnlyList<IssuerMention> Mentions);

/// <summary>Firm-level (aspect) sentiment: how a text speaks of one issuer it names.</summary>
public interface IFirmSentimentModel
{
    /// <summary>Name and version written into every event it scores.</summary>
    string ModelId { get; }

    /// <summary>Scores each request; the result at index i belongs to request i.</summary>
    IReadOnlyList<SentimentProbabilities> Score(IReadOnlyList<AspectRequest> requests);
}

/// <summary>Industry-level sentiment of a text that names no issuer (the built-in scorer or an LLM).</summary>
public interface IIndustrySentimentModel
{
    string ModelId { get; }

    /// <summary>Tone of the whole text in [−1, 1].</summary>
    double Score(string text);
}
