using StreamRisk.RiskModels.Artifacts;
using StreamRisk.RiskModels.Default.Sampling;

namespace StreamRisk.RiskModels.Default.Classifiers;

/// <summary>
/// A baseline as it is compared: z-scores fitted on the training rows, then — when <see cref="UseSmote"/> — SMOTE to
/// equal class counts on the standardised training rows (never on validation or test rows), then the model. A model that
/// stops early (<see cref="IValidatedClassifier"/>) gets a stratified validation part of real training rows, split off
/// before SMOTE.
/// </summary>
public sealed class TabularClassifier(IDefaultClassifier model, bool useSmote, int smoteNeighbours = 5, double validationFraction = 0.2) : IDefaultClassifier
{
    private FeatureNormalisation? _normalisation;

    public IDefaultClassifier Model { get; } = model;

    public bool UseSmote { get; } = useSmote;

    public string Name => UseSmote ? Model.Name + " + SMOTE" : Model.Name;

    public int ClassCount => Model.ClassCount;

    /// <summary>The standardisation fitted by the last <see cref="Fit"/>.</summary>
    public FeatureNormalisation Normalisation => _normalisation ?? throw new InvalidOperationException("Fit first");

    public void Fit(IReadOnlyList<double[]> features, IReadOnlyList<int> labels, int seed)
    {
        if (features.Count != labels.Count) throw new ArgumentException($"{features.Count} rows but {labels.Count} labels");
        _normalisation = TabularStandardiser.Fit(features);
        var x = TabularStandardiser.Apply(_normalisation, features);
        if (Model is IValidatedClassifier validated)
        {
            var (kept, held) = StratifiedSplit.Split(labels, validationFraction, seed);
            var (fitX, fitY) = Balance(kept.Select(i => x[i]).ToArray(), kept.Select(i => labels[i]).ToArray(), seed);
            validated.Fit(fitX, fitY, held.Select(i => x[i]).ToArray(), held.Select(i => labels[i]).ToArray(), seed);
            return;
        }
        var (allX, allY) = Balance(x, [.. labels], seed);
        Model.Fit(allX, allY, seed);
    }

    public double[][] PredictProbabilities(IReadOnlyList<double[]> features) =>
        Model.PredictProbabilities(TabularStandardiser.Apply(Normalisation, features));

    private (IReadOnlyList<double[]>, IReadOnlyList<int>) Balance(double[][] x, int[] y, int seed)
    {
        if (!UseSmote) return (x, y);
        var balanced = Smote.Balance(x, y, seed, smoteNeighbours, ClassCount);
        return (balanced.Features, balanced.Labels);
    }
}
