using StreamRisk.RiskModels.Default.Classifiers;
using StreamRisk.RiskModels.Tests.Default.Classifiers;
using StreamRisk.RiskModels.Training.Default.Classifiers;
using StreamRisk.RiskModels.Training.Default.RealData;

namespace StreamRisk.RiskModels.Training.Tests.Default.RealData;

public sealed class RealCreditEvaluation_Run
{
    private static BinaryTabularSet Synthetic()
    {
        var (x, y) = SyntheticClasses.Draw(3, performing: 300, extended: 0, defaulted: 60);
        return new BinaryTabularSet("synthetic", Enumerable.Range(0, 6).Select(i => $"f{i}").ToArray(), x, y.Select(l => l == 2 ? 1 : 0).ToArray());
    }

    [Fact]
    public void Every_model_is_scored_on_every_seed_and_logistic_beats_the_prior()
    {
        var result = RealCreditEvaluation.Run(Synthetic(),
            [() => new TabularClassifier(new PriorClassifier(2), false), () => new TabularClassifier(new LogisticRegressionClassifier(2), true)],
            seeds: [1, 2, 3]);
        Assert.Equal(["prior", "logistic + SMOTE"], result.Models.Select(m => m.Model));
        Assert.All(result.Models, m => Assert.Equal([1, 2, 3], m.Runs.Select(r => r.Seed)));
        // The prior ranks nothing: every score ties, AUC ½, KS 0.
        Assert.Equal(0.5, result.Models[0].Auc.Mean, 12);
        Assert.Equal(0, result.Models[0].Ks.Mean, 12);
        Assert.True(result.Models[1].Auc.Mean > 0.85, $"logistic AUC {result.Models[1].Auc.Mean}");
        Assert.True(result.Models[1].PrAuc.Mean > result.Models[0].PrAuc.Mean + 0.3);
        var table = RealCreditEvaluation.Markdown([result]);
        Assert.Contains("| synthetic | 360 | 0.167 | logistic + SMOTE |", table);
    }

    [Fact]
    public void The_baseline_list_names_nine_models()
    {
        var names = TabularBaselines.All(2).Select(f => f().Name).ToArray();
        Assert.Equal(["prior", "logistic", "mlp", "lightgbm", "fasttree-ova", "logistic + SMOTE", "mlp + SMOTE", "lightgbm + SMOTE", "fasttree-ova + SMOTE"], names);
    }

    [Fact]
    public void A_three_class_model_is_refused_on_a_binary_set()
    {
        var e = Assert.Throws<ArgumentException>(() => RealCreditEvaluation.Run(Synthetic(), [() => new PriorClassifier(3)], [1]));
        Assert.Contains("binary", e.Message);
    }
}
