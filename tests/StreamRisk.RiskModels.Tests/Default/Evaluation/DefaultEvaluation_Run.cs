using StreamRisk.RiskModels.Default.Classifiers;
using StreamRisk.RiskModels.Default.Evaluation;
using StreamRisk.RiskModels.Tests.Default.Classifiers;

namespace StreamRisk.RiskModels.Tests.Default.Evaluation;

public sealed class DefaultEvaluation_Run
{
    [Fact]
    public void Each_model_runs_once_per_seed_and_the_prior_is_not_counted()
    {
        var (trainX, trainY) = SyntheticClasses.Draw(1);
        var (testX, testY) = SyntheticClasses.Draw(2);
        var results = DefaultEvaluation.Run(trainX, trainY, testX, testY,
            [() => new TabularClassifier(new PriorClassifier(), false), () => new TabularClassifier(new LogisticRegressionClassifier(), true)],
            seeds: [1, 2]);
        Assert.Equal(["prior", "logistic + SMOTE"], results.Select(r => r.Model));
        Assert.All(results, r => Assert.Equal(2, r.Runs.Count));
        // The prior always predicts performing: no run counts.
        Assert.Equal(0, results[0].Summary.Counted);
        Assert.Equal(2, results[1].Summary.Counted);
        var table = DefaultEvaluation.Markdown(results);
        Assert.Contains("| prior | 0/2 | – |", table);
        Assert.Contains("| logistic + SMOTE | 2/2 |", table);
    }
}
