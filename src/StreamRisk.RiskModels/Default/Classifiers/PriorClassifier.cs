namespace StreamRisk.RiskModels.Default.Classifiers;

/// <summary>The floor every model must clear: each row gets the training split's class frequencies.</summary>
public sealed class PriorClassifier(int classCount = 3) : IDefaultClassifier
{
    private double[]? _prior;

    public string Name => "prior";

    public int ClassCount { get; } = classCount;

    public void Fit(IReadOnlyList<double[]> features, IReadOnlyList<int> labels, int seed)
    {
        if (labels.Count == 0) throw new ArgumentException("no training rows", nameof(labels));
        var prior = new double[ClassCount];
        foreach (var l in labels) prior[l]++;
        for (var k = 0; k < ClassCount; k++) prior[k] /= labels.Count;
        _prior = prior;
    }

    public double[][] PredictProbabilities(IReadOnlyList<double[]> features)
    {
        var prior = _prior ?? throw new InvalidOperationException("Fit the prior before predicting");
        return features.Select(_ => (double[])prior.Clone()).ToArray();
    }
}
