namespace StreamRisk.Nlp.Training.Modeling;

/// <summary>Sizes of <see cref="FirmSentimentNet"/>. Written into the model's training record so a model can be rebuilt.</summary>
/// <param name="VocabularyRows">Rows of the compact embedding table (the training vocabulary plus [UNK]).</param>
/// <param name="Dilations">One residual convolution layer per entry after the first; the receptive field is
/// 1 + (kernel − 1) × (1 + Σ dilations).</param>
/// <param name="LexiconFeatures">Word-list evidence features appended to the pooled features (0, or
/// <see cref="StreamRisk.Core.Sentiment.LexiconEvidenceFeatures.Count"/>; ONNX input <c>lexicon_evidence</c>).</param>
public sealed record FirmSentimentNetShape(
    int VocabularyRows,
    int EmbeddingSize = 128,
    int Channels = 128,
    int Kernel = 3,
    int[]? Dilations = null,
    int HiddenSize = 128,
    double Dropout = 0.3,
    int LexiconFeatures = 0)
{
    public int[] LayerDilations => Dilations ?? [1, 2, 4];

    /// <summary>Pooled features: global max ⊕ global mean ⊕ mention mean ⊕ mention max of the convolution features, ⊕
    /// the mean embedding ⊕ the word-list evidence features, if any.</summary>
    public int PooledSize => 4 * Channels + EmbeddingSize + LexiconFeatures;
}
