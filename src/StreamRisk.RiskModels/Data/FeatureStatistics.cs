using StreamRisk.RiskModels.Artifacts;

namespace StreamRisk.RiskModels.Data;

/// <summary>Normalisation fitted on training examples only (the validation and test parts never set it).</summary>
public static class FeatureStatistics
{
    /// <summary>Mean and standard deviation of each column over the origin rows of <paramref name="examples"/>.</summary>
    public static FeatureNormalisation Fit(SpreadDataset dataset, IReadOnlyList<SpreadExample> examples, IReadOnlyList<int> columns)
    {
        var mean = new double[columns.Count];
        var m2 = new double[columns.Count];
        long n = 0;
        foreach (var e in examples)
        {
            var row = dataset.Series[e.Series].Values[e.Origin];
            n++;
            for (var c = 0; c < columns.Count; c++)
            {
                var delta = row[columns[c]] - mean[c];
                mean[c] += delta / n;
                m2[c] += delta * (row[columns[c]] - mean[c]);
            }
        }
        // A constant column (e.g. no texts at all) keeps scale 1 so it normalises to 0 instead of dividing by 0.
        var scale = m2.Select(v => n > 1 && v / (n - 1) > 1e-18 ? Math.Sqrt(v / (n - 1)) : 1.0).ToArray();
        return new FeatureNormalisation(mean, scale);
    }

    /// <summary>Mean and standard deviation of each horizon's target over the examples.</summary>
    public static (double[] Mean, double[] Scale) FitTargets(SpreadDataset dataset, IReadOnlyList<SpreadExample> examples)
    {
        var h = dataset.Horizons.Count;
        var sum = new double[h];
        var sumSq = new double[h];
        Span<double> y = stackalloc double[h];
        foreach (var e in examples)
        {
            dataset.Targets(e, y);
            for (var k = 0; k < h; k++)
            {
                sum[k] += y[k];
                sumSq[k] += y[k] * y[k];
            }
        }
        var n = Math.Max(examples.Count, 1);
        var mean = sum.Select(s => s / n).ToArray();
        var scale = sumSq.Select((s, k) => Math.Sqrt(Math.Max(s / n - mean[k] * mean[k], 1e-12))).ToArray();
        return (mean, scale);
    }
}
