namespace StreamRisk.RiskModels.Default.Classifiers;

/// <summary>
/// A classifier over flat feature rows (the tabular baselines of the default-class model). Labels are 0..ClassCount − 1
/// (performing, extended, defaulted for the simulator; good, bad for the real credit sets).
/// </summary>
public interface IDefaultClassifier
{
    /// <summary>Short name for tables, e.g. "logistic", "mlp", "lightgbm + SMOTE".</summary>
    string Name { get; }

    int ClassCount { get; }

    /// <summary>Trains on the rows; the same rows, labels and seed give the same model.</summary>
    void Fit(IReadOnlyList<double[]> features, IReadOnlyList<int> labels, int seed);

    /// <summary>One row of <see cref="ClassCount"/> probabilities (summing to 1) per input row.</summary>
    double[][] PredictProbabilities(IReadOnlyList<double[]> features);
}

/// <summary>
/// A classifier that stops early on a validation part. <see cref="TabularClassifier"/> hands it a validation part of real
/// training rows held out before SMOTE, so no synthetic row judges when to stop.
/// </summary>
public interface IValidatedClassifier : IDefaultClassifier
{
    void Fit(IReadOnlyList<double[]> features, IReadOnlyList<int> labels,
        IReadOnlyList<double[]> validationFeatures, IReadOnlyList<int> validationLabels, int seed);
}
