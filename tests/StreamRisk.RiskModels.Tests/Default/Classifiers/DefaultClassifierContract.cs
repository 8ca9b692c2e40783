using StreamRisk.RiskModels.Default.Classifiers;
using StreamRisk.RiskModels.Default.Evaluation;

namespace StreamRisk.RiskModels.Tests.Default.Classifiers;

/// <summary>
/// What every tabular baseline must do, run against each one (with and without SMOTE): beat the prior on held-out rows
/// of a separable problem, give probability rows, and give the same probabilities for the same seed.
/// </summary>
public abstract class DefaultClassifierContract
{
    /// <summary>A new, unfitted model wrapped as it is compared.</summary>
    protected abstract IDefaultClassifier Create(bool smote);

    private static readonly (double[][] X, int[] Y) Train = SyntheticClasses.Draw(1);
    private static readonly (double[][] X, int[] Y) Test = SyntheticClasses.Draw(2);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Beats_the_prior_on_held_out_rows(bool smote)
    {
        var model = Create(smote);
        model.Fit(Train.X, Train.Y, seed: 3);
        var metrics = DefaultMetrics.Of(model.PredictProbabilities(Test.X), Test.Y);
        var prior = new TabularClassifier(new PriorClassifier(), smote);
        prior.Fit(Train.X, Train.Y, seed: 3);
        var baseline = DefaultMetrics.Of(prior.PredictProbabilities(Test.X), Test.Y);
        Assert.True(metrics.MacroAuc > 0.85, $"{model.Name}: macro AUC {metrics.MacroAuc}");
        Assert.True(metrics.MacroF1 > baseline.MacroF1 + 0.2, $"{model.Name}: macro F1 {metrics.MacroF1} vs prior {baseline.MacroF1}");
        Assert.True(metrics.Brier < baseline.Brier, $"{model.Name}: Brier {metrics.Brier} vs prior {baseline.Brier}");
        Assert.True(metrics.PredictsAllClasses, $"{model.Name} never predicts some class");
    }

    [Fact]
    public void Gives_a_probability_row_per_input()
    {
        var model = Create(smote: false);
        model.Fit(Train.X, Train.Y, seed: 3);
        var p = model.PredictProbabilities(Test.X);
        Assert.Equal(Test.X.Length, p.Length);
        Assert.All(p, row =>
        {
            Assert.Equal(3, row.Length);
            Assert.All(row, v => Assert.InRange(v, 0, 1));
            Assert.Equal(1, row.Sum(), 6);
        });
    }

    [Fact]
    public void The_same_seed_gives_the_same_probabilities()
    {
        var a = Create(smote: true);
        var b = Create(smote: true);
        a.Fit(Train.X, Train.Y, seed: 11);
        b.Fit(Train.X, Train.Y, seed: 11);
        Assert.Equal(a.PredictProbabilities(Test.X).SelectMany(r => r), b.PredictProbabilities(Test.X).SelectMany(r => r));
    }
}
