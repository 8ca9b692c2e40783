namespace StreamRisk.Core.Sentiment;

/// <summary>A token as a span of the original text, so tokenising allocates no strings.</summary>
public readonly record struct TextToken(int Start, int Length, TokenKind Kind)
{
    public int End => Start + Length;
}
