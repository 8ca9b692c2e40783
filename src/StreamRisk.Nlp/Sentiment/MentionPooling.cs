using StreamRisk.Nlp.Tokenization;

namespace StreamRisk.Nlp.Sentiment;

/// <summary>MulFSA's aspect representation: [CLS] ⊕ mean ⊕ max of the hidden states over the mention's tokens.</summary>
public static class MentionPooling
{
    /// <param name="hidden">One sequence's hidden states, [positions × hiddenSize], row-major.</param>
    /// <param name="aspects">Mention positions in that sequence (position 0 is [CLS]).</param>
    /// <param name="features">Receives 3 × hiddenSize values.</param>
    public static void Pool(ReadOnlySpan<float> hidden, int hiddenSize, IReadOnlyList<TokenRange> aspects, Span<float> features)
    {
        var cls = features[..hiddenSize];
        var mean = features.Slice(hiddenSize, hiddenSize);
        var max = features.Slice(2 * hiddenSize, hiddenSize);
        hidden[..hiddenSize].CopyTo(cls);
        mean.Clear();
        max.Fill(float.NegativeInfinity);
        var count = 0;
        // Overlapping mentions count each position once, as a 0/1 mask over positions would.
        var lastCounted = -1;
        foreach (var aspect in aspects)
        {
            for (var p = Math.Max(aspect.First, lastCounted + 1); p < aspect.End; p++)
            {
                var row = hidden.Slice(p * hiddenSize, hiddenSize);
                for (var h = 0; h < hiddenSize; h++)
                {
                    mean[h] += row[h];
                    if (row[h] > max[h]) max[h] = row[h];
                }
                count++;
                lastCounted = p;
            }
        }
        if (count == 0) throw new ArgumentException("no aspect position to pool over", nameof(aspects));
        for (var h = 0; h < hiddenSize; h++) mean[h] /= count;
    }
}
