namespace StreamRisk.Nlp.Tokenization;

/// <summary>WordPiece tokens of one text (no [CLS]/[SEP]) with each token's UTF-16 range in the original text.</summary>
/// <param name="IsContinuation">True for a '##' piece that continues the previous token's word.</param>
public sealed record TokenizedText(int[] Ids, int[] Starts, int[] Ends, bool[] IsContinuation)
{
    public int Count => Ids.Length;
}
