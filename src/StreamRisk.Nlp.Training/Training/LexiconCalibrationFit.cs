using StreamRisk.Core.Sentiment;
using StreamRisk.Nlp.Training.Data;

namespace StreamRisk.Nlp.Training.Training;

/// <summary>
/// Fits <see cref="LexiconCalibration"/> to labelled texts: multinomial logistic regression on the lexicon's evidence
/// by Newton's method (9 weights, so the exact Hessian is cheap), with a small ridge penalty that pins down the
/// softmax's free offset and keeps a class that never occurs from running off to infinity. Deterministic.
/// </summary>
public static class LexiconCalibrationFit
{
    private const int P = 3 * LexiconCalibration.Features;

    public static LexiconCalibration Fit(IReadOnlyList<SentimentEvidence> evidence, IReadOnlyList<int> labels, double ridge = 1e-3,
        string? fittedOn = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(labels);
        if (evidence.Count != labels.Count) throw new ArgumentException("one label per evidence row is needed", nameof(labels));
        if (evidence.Count == 0) throw new ArgumentException("no rows to fit the lexicon calibration on", nameof(evidence));
        var f = LexiconCalibration.Features;
        var x = new double[evidence.Count * f];
        for (var i = 0; i < evidence.Count; i++) LexiconCalibration.FeaturesOf(evidence[i], x.AsSpan(i * f, f));

        var w = new double[P];
        var lambda = ridge * evidence.Count;
        var loss = Loss(w, x, labels, lambda);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var (gradient, hessian) = Derivatives(w, x, labels, lambda);
            var step = Solve(hessian, gradient);
            // Newton with step halving: the loss is convex, so a shorter step along the Newton direction always helps.
            var scale = 1.0;
            double[] next;
            double nextLoss;
            do
            {
                next = new double[P];
                for (var k = 0; k < P; k++) next[k] = w[k] - (scale * step[k]);
                nextLoss = Loss(next, x, labels, lambda);
                scale /= 2;
            }
            while (nextLoss > loss && scale > 1e-6);
            if (nextLoss > loss) break;
            var improvement = loss - nextLoss;
            w = next;
            loss = nextLoss;
            if (improvement < 1e-10 * Math.Max(1, loss)) break;
        }

        return new LexiconCalibration { Weights = w, FittedOn = fittedOn };
    }

    /// <summary>Fits on labelled texts, scoring each with <paramref name="lexicon"/> as it is served.</summary>
    public static LexiconCalibration Fit(LexiconFirmSentimentModel lexicon, IReadOnlyList<LabelledText> rows, string? fittedOn = null) =>
        Fit(lexicon.Evidence(RowEncoder.Requests(rows)), rows.Select(r => r.Label).ToList(), fittedOn: fittedOn);

    /// <summary>Mean negative log-likelihood plus the ridge term (over the row count).</summary>
    public static double Loss(IReadOnlyList<double> w, double[] x, IReadOnlyList<int> labels, double lambda)
    {
        var f = LexiconCalibration.Features;
        Span<double> p = stackalloc double[3];
        double sum = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            LexiconCalibration.Probabilities(w, x.AsSpan(i * f, f), p);
            sum -= Math.Log(Math.Max(p[labels[i]], 1e-300));
        }
        double penalty = 0;
        for (var k = 0; k < P; k++) penalty += w[k] * w[k];
        return (sum + (0.5 * lambda * penalty)) / labels.Count;
    }

    private static (double[] Gradient, double[,] Hessian) Derivatives(double[] w, double[] x, IReadOnlyList<int> labels, double lambda)
    {
        var f = LexiconCalibration.Features;
        var gradient = new double[P];
        var hessian = new double[P, P];
        Span<double> p = stackalloc double[3];
        for (var i = 0; i < labels.Count; i++)
        {
            var xi = x.AsSpan(i * f, f);
            LexiconCalibration.Probabilities(w, xi, p);
            for (var c = 0; c < 3; c++)
            {
                var residual = p[c] - (labels[i] == c ? 1 : 0);
                for (var a = 0; a < f; a++) gradient[(c * f) + a] += residual * xi[a];
                for (var d = 0; d < 3; d++)
                {
                    var weight = p[c] * ((c == d ? 1 : 0) - p[d]);
                    for (var a = 0; a < f; a++)
                        for (var b = 0; b < f; b++)
                            hessian[(c * f) + a, (d * f) + b] += weight * xi[a] * xi[b];
                }
            }
        }
        for (var k = 0; k < P; k++)
        {
            gradient[k] += lambda * w[k];
            hessian[k, k] += lambda;
        }
        return (gradient, hessian);
    }

    /// <summary>Solves <paramref name="a"/> s = <paramref name="b"/> by Gaussian elimination with partial pivoting (a is positive definite).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) pivot = r;
            if (pivot != col)
            {
                for (var c = 0; c < n; c++) (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
                (v[col], v[pivot]) = (v[pivot], v[col]);
            }
            for (var r = col + 1; r < n; r++)
            {
                var factor = m[r, col] / m[col, col];
                for (var c = col; c < n; c++) m[r, c] -= factor * m[col, c];
                v[r] -= factor * v[col];
            }
        }
        var s = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var sum = v[r];
            for (var c = r + 1; c < n; c++) sum -= m[r, c] * s[c];
            s[r] = sum / m[r, r];
        }
        return s;
    }
}
