using StreamRisk.RiskModels.Artifacts;
using StreamRisk.RiskModels.Data;

namespace StreamRisk.RiskModels.Baselines;

/// <summary>
/// AR / ARX by least squares, pooled over issuers: each horizon's log spread change regressed on an intercept and the
/// normalised window of the chosen features (AR: the spread's own columns; ARX: with fundamentals and, in the A/B,
/// sentiment). Fitted on the training part only.
/// </summary>
public sealed class LinearWindowForecaster : ISpreadForecaster
{
    private readonly int[] _columns;
    private readonly FeatureNormalisation _normalisation;
    private readonly double[][] _coefficients;

    private LinearWindowForecaster(string name, int[] columns, FeatureNormalisation normalisation, double[][] coefficients)
    {
        Name = name;
        _columns = columns;
        _normalisation = normalisation;
        _coefficients = coefficients;
    }

    public string Name { get; }

    public static LinearWindowForecaster Fit(string name, SpreadDataset dataset, IReadOnlyList<string> features, double ridge = 1e-4)
    {
        var columns = features.Select(SpreadFeatures.IndexOf).ToArray();
        var normalisation = FeatureStatistics.Fit(dataset, dataset.Train, columns);
        var p = 1 + dataset.Window * columns.Length;
        var solver = new LeastSquares(p, dataset.Horizons.Count);
        var x = new double[p];
        var y = new double[dataset.Horizons.Count];
        foreach (var e in dataset.Train)
        {
            Design(dataset, e, columns, normalisation, x);
            dataset.Targets(e, y);
            solver.Add(x, y);
        }
        return new LinearWindowForecaster(name, columns, normalisation, solver.Solve(ridge));
    }

    public void Predict(SpreadDataset dataset, SpreadExample example, Span<double> logChanges)
    {
        var x = new double[_coefficients[0].Length];
        Design(dataset, example, _columns, _normalisation, x);
        for (var k = 0; k < _coefficients.Length; k++)
        {
            var beta = _coefficients[k];
            var sum = 0.0;
            for (var i = 0; i < x.Length; i++) sum += beta[i] * x[i];
            logChanges[k] = sum;
        }
    }

    private static void Design(SpreadDataset dataset, SpreadExample e, int[] columns, FeatureNormalisation n, double[] x)
    {
        x[0] = 1;
        dataset.WindowValues(e, columns, x.AsSpan(1));
        for (var i = 1; i < x.Length; i++)
        {
            var c = (i - 1) % columns.Length;
            x[i] = (x[i] - n.Mean[c]) / n.Scale[c];
        }
    }
}
