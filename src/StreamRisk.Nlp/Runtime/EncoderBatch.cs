namespace StreamRisk.Nlp.Runtime;

/// <summary>The input tensors of one padded batch: each row is [CLS] tokens [SEP] then padding, padded only to the
/// longest row of this batch.</summary>
public sealed class EncoderBatch
{
    public EncoderBatch(int rows, int length, bool withAspectMask, int paddingId, bool withLexiconEvidence = false)
    {
        LexiconEvidence = withLexiconEvidence ? new float[rows * Core.Sentiment.LexiconEvidenceFeatures.Count] : null;
        Rows = rows;
        Length = length;
        InputIds = new long[rows * length];
        AttentionMask = new long[rows * length];
        TokenTypeIds = new long[rows * length];
        AspectMask = withAspectMask ? new float[rows * length] : null;
        if (paddingId != 0) Array.Fill(InputIds, paddingId);
    }

    public int Rows { get; }
    public int Length { get; }
    public long[] InputIds { get; }
    public long[] AttentionMask { get; }
    public long[] TokenTypeIds { get; }
    public float[]? AspectMask { get; }

    /// <summary>Per row, the word-list scorer's evidence features (<see cref="Core.Sentiment.LexiconEvidenceFeatures"/>), when the graph reads them.</summary>
    public float[]? LexiconEvidence { get; }

    public void SetLexiconEvidence(int row, Core.Sentiment.SentimentEvidence evidence)
    {
        if (LexiconEvidence is null) throw new InvalidOperationException("this batch carries no lexicon evidence");
        Core.Sentiment.LexiconEvidenceFeatures.Write(evidence, LexiconEvidence.AsSpan(row * Core.Sentiment.LexiconEvidenceFeatures.Count, Core.Sentiment.LexiconEvidenceFeatures.Count));
    }

    /// <summary>Writes row <paramref name="row"/>; text token i lands at position i + 1.</summary>
    public void SetRow(int row, ReadOnlySpan<int> textIds, int classificationId, int separatorId)
    {
        if (textIds.Length + 2 > Length) throw new ArgumentException($"{textIds.Length} tokens + [CLS]/[SEP] exceed the batch length {Length}");
        var offset = row * Length;
        InputIds[offset] = classificationId;
        for (var i = 0; i < textIds.Length; i++) InputIds[offset + 1 + i] = textIds[i];
        InputIds[offset + textIds.Length + 1] = separatorId;
        AttentionMask.AsSpan(offset, textIds.Length + 2).Fill(1);
    }

    /// <summary>Marks the positions [first, end) of a row as the aspect the graph pools over.</summary>
    public void MarkAspect(int row, int first, int end)
    {
        if (AspectMask is null) throw new InvalidOperationException("this batch carries no aspect mask");
        AspectMask.AsSpan(row * Length + first, end - first).Fill(1f);
    }
}
