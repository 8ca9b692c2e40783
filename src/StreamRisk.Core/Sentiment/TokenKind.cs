namespace StreamRisk.Core.Sentiment;

/// <summary>What a token is to the scorers: a word, or a boundary that ends a clause or a sentence.</summary>
public enum TokenKind : byte
{
    Word,
    ClauseBreak,
    SentenceBreak,
}
