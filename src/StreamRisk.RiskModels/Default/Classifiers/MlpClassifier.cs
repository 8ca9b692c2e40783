namespace StreamRisk.RiskModels.Default.Classifiers;

/// <summary>
/// A one-hidden-layer perceptron (ReLU, softmax output) trained by Adam on mini-batches of the mean cross-entropy plus an
/// L2 penalty on the weights, with early stopping: the weights of the epoch with the lowest validation loss are kept,
/// and training stops after <paramref name="patience"/> epochs without improvement. Everything random (He
/// initialisation, the validation part, batch order) comes from the seed.
/// </summary>
public sealed class MlpClassifier(
    int classCount = 3,
    int hidden = 32,
    double learningRate = 1e-3,
    int batchSize = 64,
    int maxEpochs = 200,
    int patience = 15,
    double l2 = 1e-4,
    double validationFraction = 0.2) : IValidatedClassifier
{
    private double[]? _parameters;
    private int _d;

    public string Name => "mlp";

    public int ClassCount { get; } = classCount;

    /// <summary>Epochs the last fit ran and the epoch whose weights it kept (1-based).</summary>
    public (int Ran, int Best) Epochs { get; private set; }

    /// <summary>Holds out a stratified <c>validationFraction</c> of the given rows for early stopping.</summary>
    public void Fit(IReadOnlyList<double[]> features, IReadOnlyList<int> labels, int seed)
    {
        var (kept, held) = StratifiedSplit.Split(labels, validationFraction, seed);
        Fit(kept.Select(i => features[i]).ToArray(), kept.Select(i => labels[i]).ToArray(),
            held.Select(i => features[i]).ToArray(), held.Select(i => labels[i]).ToArray(), seed);
    }

    public void Fit(IReadOnlyList<double[]> features, IReadOnlyList<int> labels, IReadOnlyList<double[]> validationFeatures, IReadOnlyList<int> validationLabels, int seed)
    {
        if (features.Count == 0) throw new ArgumentException("no training rows", nameof(features));
        if (validationFeatures.Count == 0) throw new ArgumentException("no validation rows for early stopping", nameof(validationFeatures));
        _d = features[0].Length;
        var random = new Random(seed);
        var theta = Initialise(random);
        var m = new double[theta.Length];
        var v = new double[theta.Length];
        var grad = new double[theta.Length];
        var best = (double[])theta.Clone();
        var bestLoss = double.PositiveInfinity;
        var bestEpoch = 0;
        var order = Enumerable.Range(0, features.Count).ToArray();
        long step = 0;
        const double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
        var epoch = 0;
        while (epoch < maxEpochs && epoch - bestEpoch < patience)
        {
            epoch++;
            random.Shuffle(order);
            for (var start = 0; start < order.Length; start += batchSize)
            {
                var end = Math.Min(start + batchSize, order.Length);
                Array.Clear(grad);
                for (var b = start; b < end; b++) Backward(theta, features[order[b]], labels[order[b]], grad);
                var scale = 1.0 / (end - start);
                step++;
                var c1 = 1 - Math.Pow(beta1, step);
                var c2 = 1 - Math.Pow(beta2, step);
                for (var j = 0; j < theta.Length; j++)
                {
                    var g = grad[j] * scale + (IsWeight(j) ? l2 * theta[j] : 0);
                    m[j] = beta1 * m[j] + (1 - beta1) * g;
                    v[j] = beta2 * v[j] + (1 - beta2) * g * g;
                    theta[j] -= learningRate * (m[j] / c1) / (Math.Sqrt(v[j] / c2) + epsilon);
                }
            }
            var loss = Loss(theta, validationFeatures, validationLabels);
            if (loss < bestLoss - 1e-9)
            {
                bestLoss = loss;
                bestEpoch = epoch;
                Array.Copy(theta, best, theta.Length);
            }
        }
        Epochs = (epoch, bestEpoch);
        _parameters = best;
    }

    public double[][] PredictProbabilities(IReadOnlyList<double[]> features)
    {
        var theta = _parameters ?? throw new InvalidOperationException("Fit the model before predicting");
        var h = new double[hidden];
        return features.Select(x =>
        {
            var p = new double[ClassCount];
            Forward(theta, x, h, p);
            return p;
        }).ToArray();
    }

    /// <summary>The kept weights, for an artifact (<see cref="TabularMlpClassModel"/> serves them).</summary>
    public MlpWeights Weights()
    {
        var theta = _parameters ?? throw new InvalidOperationException("Fit the model before exporting it");
        return new MlpWeights(_d, hidden, ClassCount, theta[..B1], theta[B1..W2], theta[W2..B2], theta[B2..Size]);
    }

    // Layout: W1 [hidden, d], b1 [hidden], W2 [classes, hidden], b2 [classes].
    private int B1 => hidden * _d;
    private int W2 => B1 + hidden;
    private int B2 => W2 + ClassCount * hidden;
    private int Size => B2 + ClassCount;

    private bool IsWeight(int j) => j < B1 || (j >= W2 && j < B2);

    private double[] Initialise(Random random)
    {
        var theta = new double[Size];
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        for (var j = 0; j < B1; j++) theta[j] = Normal() * Math.Sqrt(2.0 / _d);
        for (var j = W2; j < B2; j++) theta[j] = Normal() * Math.Sqrt(2.0 / hidden);
        return theta;
    }

    private void Forward(double[] theta, double[] x, double[] h, double[] p)
    {
        for (var u = 0; u < hidden; u++)
        {
            var z = theta[B1 + u];
            var at = u * _d;
            for (var f = 0; f < _d; f++) z += theta[at + f] * x[f];
            h[u] = z > 0 ? z : 0;
        }
        var max = double.NegativeInfinity;
        for (var k = 0; k < ClassCount; k++)
        {
            var z = theta[B2 + k];
            var at = W2 + k * hidden;
            for (var u = 0; u < hidden; u++) z += theta[at + u] * h[u];
            p[k] = z;
            max = Math.Max(max, z);
        }
        var sum = 0.0;
        for (var k = 0; k < ClassCount; k++) sum += p[k] = Math.Exp(p[k] - max);
        for (var k = 0; k < ClassCount; k++) p[k] /= sum;
    }

    private void Backward(double[] theta, double[] x, int y, double[] grad)
    {
        var h = new double[hidden];
        var p = new double[ClassCount];
        Forward(theta, x, h, p);
        var dh = new double[hidden];
        for (var k = 0; k < ClassCount; k++)
        {
            var dz = p[k] - (k == y ? 1 : 0);
            var at = W2 + k * hidden;
            for (var u = 0; u < hidden; u++)
            {
                grad[at + u] += dz * h[u];
                dh[u] += dz * theta[at + u];
            }
            grad[B2 + k] += dz;
        }
        for (var u = 0; u < hidden; u++)
        {
            if (h[u] <= 0) continue;
            var at = u * _d;
            for (var f = 0; f < _d; f++) grad[at + f] += dh[u] * x[f];
            grad[B1 + u] += dh[u];
        }
    }

    private double Loss(double[] theta, IReadOnlyList<double[]> x, IReadOnlyList<int> y)
    {
        var h = new double[hidden];
        var p = new double[ClassCount];
        var loss = 0.0;
        for (var i = 0; i < x.Count; i++)
        {
            Forward(theta, x[i], h, p);
            loss -= Math.Log(Math.Max(p[y[i]], 1e-300));
        }
        return loss / x.Count;
    }
}

/// <summary>A trained <see cref="MlpClassifier"/>: W1 [Hidden × Inputs] and W2 [Classes × Hidden], row-major.</summary>
public sealed record MlpWeights(int Inputs, int Hidden, int Classes, double[] W1, double[] B1, double[] W2, double[] B2);
