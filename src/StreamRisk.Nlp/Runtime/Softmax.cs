namespace StreamRisk.Nlp.Runtime;

public static class Softmax
{
    /// <summary>Probabilities from logits; shifted by the maximum so large logits cannot overflow.</summary>
    public static void Apply(ReadOnlySpan<float> logits, Span<double> probabilities)
    {
        var max = double.NegativeInfinity;
        foreach (var l in logits) max = Math.Max(max, l);
        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            probabilities[i] = Math.Exp(logits[i] - max);
            sum += probabilities[i];
        }
        for (var i = 0; i < logits.Length; i++) probabilities[i] /= sum;
    }
}
