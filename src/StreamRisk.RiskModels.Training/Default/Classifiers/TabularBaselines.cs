using StreamRisk.RiskModels.Default.Classifiers;

namespace StreamRisk.RiskModels.Training.Default.Classifiers;

/// <summary>The tabular baselines of issue 11, each a factory of a fresh model as compared (standardised, optional SMOTE).</summary>
public static class TabularBaselines
{
    /// <summary>
    /// prior; logistic, mlp, lightgbm, fasttree-ova; then the same four with SMOTE ("… + SMOTE"). The prior has no SMOTE
    /// variant: on balanced classes it would predict the uniform distribution.
    /// </summary>
    public static IReadOnlyList<Func<IDefaultClassifier>> All(int classCount = 3) =>
    [
        () => new TabularClassifier(new PriorClassifier(classCount), useSmote: false),
        .. new[] { false, true }.SelectMany(smote => new Func<IDefaultClassifier>[]
        {
            () => new TabularClassifier(new LogisticRegressionClassifier(classCount), smote),
            () => new TabularClassifier(new MlpClassifier(classCount), smote),
            () => new TabularClassifier(new LightGbmClassifier(classCount), smote),
            () => new TabularClassifier(new FastTreeOvaClassifier(classCount), smote),
        }),
    ];
}
