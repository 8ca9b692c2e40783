using StreamRisk.RiskModels.Default.Classifiers;

namespace StreamRisk.RiskModels.Tests.Default.Classifiers;

public sealed class LogisticRegression_Gradient
{
    [Fact]
    public void Matches_central_finite_differences()
    {
        var random = new Random(4);
        var x = Enumerable.Range(0, 25).Select(_ => Enumerable.Range(0, 4).Select(_ => random.NextDouble() * 2 - 1).ToArray()).ToArray();
        var y = Enumerable.Range(0, 25).Select(_ => random.Next(3)).ToArray();
        var w = Enumerable.Range(0, 3 * 5).Select(_ => random.NextDouble() - 0.5).ToArray();
        var gradient = new double[w.Length];
        LogisticRegressionClassifier.LossAndGradient(w, x, y, 3, 0.1, gradient);
        var scratch = new double[w.Length];
        const double h = 1e-6;
        for (var j = 0; j < w.Length; j++)
        {
            var plus = (double[])w.Clone();
            var minus = (double[])w.Clone();
            plus[j] += h;
            minus[j] -= h;
            var numeric = (LogisticRegressionClassifier.LossAndGradient(plus, x, y, 3, 0.1, scratch)
                - LogisticRegressionClassifier.LossAndGradient(minus, x, y, 3, 0.1, scratch)) / (2 * h);
            Assert.Equal(numeric, gradient[j], 7);
        }
    }

    [Fact]
    public void Loss_at_zero_weights_is_log_of_the_class_count()
    {
        // softmax(0, 0, 0) = ⅓ each: −log ⅓ = log 3 whatever the rows; the penalty is 0.
        var loss = LogisticRegressionClassifier.LossAndGradient(new double[3 * 3], [[1.0, 2], [3.0, -1]], [0, 2], 3, 1, new double[9]);
        Assert.Equal(Math.Log(3), loss, 12);
    }

    [Fact]
    public void Fitting_reaches_a_stationary_point()
    {
        var (x, y) = SyntheticClasses.Draw(5);
        var z = TabularStandardiser.Apply(TabularStandardiser.Fit(x), x);
        var model = new LogisticRegressionClassifier(l2: 1e-2);
        model.Fit(z, y, seed: 0);
        Assert.InRange(model.Iterations, 1, 299);
    }
}
