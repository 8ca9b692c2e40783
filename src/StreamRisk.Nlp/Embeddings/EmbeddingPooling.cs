namespace StreamRisk.Nlp.Embeddings;

/// <summary>Sentence vectors from token hidden states: [CLS] (bge) or the mean over real tokens, L2-normalised.</summary>
public static class EmbeddingPooling
{
    /// <param name="hidden">One sequence's hidden states, [positions × hiddenSize].</param>
    /// <param name="realTokens">Positions that are not padding ([CLS] … [SEP]).</param>
    public static float[] Pool(ReadOnlySpan<float> hidden, int hiddenSize, int realTokens, bool meanPooling)
    {
        var vector = new float[hiddenSize];
        if (meanPooling)
        {
            for (var p = 0; p < realTokens; p++)
            {
                var row = hidden.Slice(p * hiddenSize, hiddenSize);
                for (var h = 0; h < hiddenSize; h++) vector[h] += row[h];
            }
            for (var h = 0; h < hiddenSize; h++) vector[h] /= realTokens;
        }
        else
        {
            hidden[..hiddenSize].CopyTo(vector);
        }
        Normalize(vector);
        return vector;
    }

    /// <summary>Scales to unit length; a zero vector stays zero (it has no direction to keep).</summary>
    public static void Normalize(Span<float> vector)
    {
        var sum = 0.0;
        foreach (var v in vector) sum += (double)v * v;
        if (sum == 0) return;
        var scale = (float)(1.0 / Math.Sqrt(sum));
        for (var i = 0; i < vector.Length; i++) vector[i] *= scale;
    }
}
