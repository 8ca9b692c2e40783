namespace StreamRisk.Nlp.Training.Training;

/// <summary>Temperature scaling (Guo et al., 2017): the single T &gt; 0 that minimises the negative log-likelihood of
/// softmax(logits / T) on held-out rows. It changes confidence, never the argmax.</summary>
public static class TemperatureScaling
{
    public static double Fit(IReadOnlyList<float[]> logits, IReadOnlyList<int> labels)
    {
        // NLL(T) is smooth and unimodal in log T for practical logits: golden-section search on log T in [−3, 3].
        double lo = Math.Log(0.05), hi = Math.Log(20);
        var phi = (Math.Sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo), b = lo + phi * (hi - lo);
        double fa = Nll(logits, labels, Math.Exp(a)), fb = Nll(logits, labels, Math.Exp(b));
        for (var i = 0; i < 60; i++)
        {
            if (fa < fb)
            {
                hi = b; b = a; fb = fa;
                a = hi - phi * (hi - lo);
                fa = Nll(logits, labels, Math.Exp(a));
            }
            else
            {
                lo = a; a = b; fa = fb;
                b = lo + phi * (hi - lo);
                fb = Nll(logits, labels, Math.Exp(b));
            }
        }
        return Math.Exp((lo + hi) / 2);
    }

    public static double Nll(IReadOnlyList<float[]> logits, IReadOnlyList<int> labels, double temperature)
    {
        double total = 0;
        for (var i = 0; i < logits.Count; i++)
        {
            var z = logits[i];
            var max = z.Max() / temperature;
            var sum = 0.0;
            foreach (var v in z) sum += Math.Exp(v / temperature - max);
            total -= z[labels[i]] / temperature - max - Math.Log(sum);
        }
        return total / logits.Count;
    }

    public static double[] Softmax(float[] logits, double temperature)
    {
        var max = logits.Max();
        var p = logits.Select(v => Math.Exp((v - max) / temperature)).ToArray();
        var sum = p.Sum();
        for (var i = 0; i < p.Length; i++) p[i] /= sum;
        return p;
    }
}
