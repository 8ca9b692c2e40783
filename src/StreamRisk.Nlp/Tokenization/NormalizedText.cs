namespace StreamRisk.Nlp.Tokenization;

/// <summary>Text after BERT's normalisation, with, for every normalised character, the UTF-16 range of the original
/// character it came from — so token offsets can be carried back to the caller's text.</summary>
public sealed class NormalizedText(string text, int[] sourceStarts, int[] sourceEnds)
{
    public string Text { get; } = text;

    /// <summary>Start (UTF-16) in the original text of normalised character i.</summary>
    public int SourceStart(int i) => sourceStarts[i];

    /// <summary>Exclusive end (UTF-16) in the original text of normalised character i.</summary>
    public int SourceEnd(int i) => sourceEnds[i];
}
