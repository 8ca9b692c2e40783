namespace StreamRisk.Core.Sentiment;

/// <summary>What a word does to the words around it, besides its own score.</summary>
[Flags]
public enum WordRole : byte
{
    None = 0,
    /// <summary>Flips and dampens the polarity of the next few words (not, never, without, n't).</summary>
    Negator = 1,
    /// <summary>Scales the polarity of a nearby scored word (sharply, slightly).</summary>
    Intensifier = 2,
    /// <summary>Always starts a new clause (while, whereas, but, although).</summary>
    ClauseConnective = 4,
    /// <summary>Starts a new clause only when another issuer is named after it ("A rose and B fell").</summary>
    ConditionalConnective = 8,
    /// <summary>First word of at least one multi-word term.</summary>
    PhraseStart = 16,
    /// <summary>A negator that reports a failure ("failed to"): bad news whatever follows, so it keeps its own score and only flips positive words.</summary>
    Failure = 32,
}
