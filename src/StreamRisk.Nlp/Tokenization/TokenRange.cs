namespace StreamRisk.Nlp.Tokenization;

/// <summary>Tokens [First, End) of a tokenised text.</summary>
public readonly record struct TokenRange(int First, int End)
{
    public int Length => End - First;
}
