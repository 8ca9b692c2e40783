namespace StreamRisk.RiskModels.Default.Classifiers;

/// <summary>
/// Multinomial logistic regression with an L2 penalty on the weights (not the intercepts), fitted full-batch by L-BFGS
/// (memory 10, backtracking Armijo line search) from zero weights: deterministic, no seed needed.
/// Loss = (1/n)·Σᵢ −log softmax(W·xᵢ + b)[yᵢ] + (λ/2)·‖W‖².
/// </summary>
public sealed class LogisticRegressionClassifier(int classCount = 3, double l2 = 1e-3, int maxIterations = 300, double tolerance = 1e-6) : IDefaultClassifier
{
    private const int Memory = 10;
    private double[]? _w;
    private int _d;

    public string Name => "logistic";

    public int ClassCount { get; } = classCount;

    /// <summary>L-BFGS iterations the last fit took.</summary>
    public int Iterations { get; private set; }

    public void Fit(IReadOnlyList<double[]> features, IReadOnlyList<int> labels, int seed)
    {
        if (features.Count == 0) throw new ArgumentException("no training rows", nameof(features));
        _d = features[0].Length;
        var w = new double[ClassCount * (_d + 1)];
        var g = new double[w.Length];
        var loss = LossAndGradient(w, features, labels, ClassCount, l2, g);
        var s = new List<double[]>();
        var y = new List<double[]>();
        var newG = new double[w.Length];
        Iterations = 0;
        for (var it = 0; it < maxIterations; it++)
        {
            if (MaxAbs(g) < tolerance) break;
            var direction = TwoLoop(g, s, y);
            var slope = Dot(direction, g);
            if (slope >= 0)
            {
                // Not a descent direction (curvature pairs went stale): restart from steepest descent.
                s.Clear();
                y.Clear();
                direction = g.Select(v => -v).ToArray();
                slope = Dot(direction, g);
            }
            var step = s.Count == 0 ? Math.Min(1, 1 / Math.Sqrt(-slope)) : 1.0;
            double[] candidate;
            double newLoss;
            while (true)
            {
                candidate = w.Select((v, i) => v + step * direction[i]).ToArray();
                newLoss = LossAndGradient(candidate, features, labels, ClassCount, l2, newG);
                if (newLoss <= loss + 1e-4 * step * slope || step < 1e-12) break;
                step /= 2;
            }
            var sk = candidate.Select((v, i) => v - w[i]).ToArray();
            var yk = newG.Select((v, i) => v - g[i]).ToArray();
            if (Dot(sk, yk) > 1e-12)
            {
                s.Add(sk);
                y.Add(yk);
                if (s.Count > Memory)
                {
                    s.RemoveAt(0);
                    y.RemoveAt(0);
                }
            }
            var improvement = loss - newLoss;
            w = candidate;
            Array.Copy(newG, g, g.Length);
            loss = newLoss;
            Iterations = it + 1;
            if (improvement >= 0 && improvement < tolerance * 1e-3 * Math.Max(1, Math.Abs(loss))) break;
        }
        _w = w;
    }

    public double[][] PredictProbabilities(IReadOnlyList<double[]> features)
    {
        var w = _w ?? throw new InvalidOperationException("Fit the model before predicting");
        return features.Select(x =>
        {
            var p = new double[ClassCount];
            Softmax(w, x, _d, p);
            return p;
        }).ToArray();
    }

    /// <summary>
    /// The penalised mean cross-entropy at <paramref name="w"/> (class-major: class k's D weights then its intercept)
    /// and its gradient into <paramref name="gradient"/>: (1/n)·Σᵢ (pᵢ − onehot(yᵢ))·[xᵢ, 1] + λ·[W, 0].
    /// </summary>
    public static double LossAndGradient(double[] w, IReadOnlyList<double[]> x, IReadOnlyList<int> y, int classes, double l2, double[] gradient)
    {
        var d = w.Length / classes - 1;
        Array.Clear(gradient);
        var p = new double[classes];
        var loss = 0.0;
        for (var i = 0; i < x.Count; i++)
        {
            Softmax(w, x[i], d, p);
            loss -= Math.Log(Math.Max(p[y[i]], 1e-300));
            for (var k = 0; k < classes; k++)
            {
                var e = p[k] - (y[i] == k ? 1 : 0);
                var at = k * (d + 1);
                for (var f = 0; f < d; f++) gradient[at + f] += e * x[i][f];
                gradient[at + d] += e;
            }
        }
        var n = Math.Max(x.Count, 1);
        for (var j = 0; j < gradient.Length; j++) gradient[j] /= n;
        loss /= n;
        for (var k = 0; k < classes; k++)
        {
            for (var f = 0; f < d; f++)
            {
                var v = w[k * (d + 1) + f];
                loss += 0.5 * l2 * v * v;
                gradient[k * (d + 1) + f] += l2 * v;
            }
        }
        return loss;
    }

    private static void Softmax(double[] w, double[] x, int d, double[] p)
    {
        var classes = p.Length;
        var max = double.NegativeInfinity;
        for (var k = 0; k < classes; k++)
        {
            var at = k * (d + 1);
            var z = w[at + d];
            for (var f = 0; f < d; f++) z += w[at + f] * x[f];
            p[k] = z;
            max = Math.Max(max, z);
        }
        var sum = 0.0;
        for (var k = 0; k < classes; k++) sum += p[k] = Math.Exp(p[k] - max);
        for (var k = 0; k < classes; k++) p[k] /= sum;
    }

    /// <summary>L-BFGS two-loop recursion: −H·g from the stored curvature pairs.</summary>
    private static double[] TwoLoop(double[] g, List<double[]> s, List<double[]> y)
    {
        var q = (double[])g.Clone();
        var alpha = new double[s.Count];
        for (var i = s.Count - 1; i >= 0; i--)
        {
            alpha[i] = Dot(s[i], q) / Dot(y[i], s[i]);
            for (var j = 0; j < q.Length; j++) q[j] -= alpha[i] * y[i][j];
        }
        if (s.Count > 0)
        {
            var gamma = Dot(s[^1], y[^1]) / Dot(y[^1], y[^1]);
            for (var j = 0; j < q.Length; j++) q[j] *= gamma;
        }
        for (var i = 0; i < s.Count; i++)
        {
            var beta = Dot(y[i], q) / Dot(y[i], s[i]);
            for (var j = 0; j < q.Length; j++) q[j] += s[i][j] * (alpha[i] - beta);
        }
        for (var j = 0; j < q.Length; j++) q[j] = -q[j];
        return q;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static double MaxAbs(double[] a) => a.Max(Math.Abs);
}
