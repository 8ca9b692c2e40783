using StreamRisk.RiskModels.Artifacts;

namespace StreamRisk.RiskModels.Default.Classifiers;

/// <summary>
/// z-scores fitted on training rows only. Missing values (NaN) are left out of the fit and become 0 (the training mean)
/// when applied; a constant column keeps scale 1 so it maps to 0 instead of dividing by 0.
/// </summary>
public static class TabularStandardiser
{
    public static FeatureNormalisation Fit(IReadOnlyList<double[]> rows)
    {
        if (rows.Count == 0) throw new ArgumentException("no rows to fit the standardisation on", nameof(rows));
        var d = rows[0].Length;
        var mean = new double[d];
        var m2 = new double[d];
        var n = new long[d];
        foreach (var row in rows)
        {
            for (var f = 0; f < d; f++)
            {
                var v = row[f];
                if (!double.IsFinite(v)) continue;
                n[f]++;
                var delta = v - mean[f];
                mean[f] += delta / n[f];
                m2[f] += delta * (v - mean[f]);
            }
        }
        var scale = new double[d];
        for (var f = 0; f < d; f++) scale[f] = n[f] > 1 && m2[f] / (n[f] - 1) > 1e-18 ? Math.Sqrt(m2[f] / (n[f] - 1)) : 1.0;
        return new FeatureNormalisation(mean, scale);
    }

    public static double[] Apply(FeatureNormalisation normalisation, double[] row)
    {
        if (row.Length != normalisation.Mean.Length) throw new ArgumentException($"row has {row.Length} features, the standardisation {normalisation.Mean.Length}");
        var z = new double[row.Length];
        for (var f = 0; f < row.Length; f++) z[f] = double.IsFinite(row[f]) ? (row[f] - normalisation.Mean[f]) / normalisation.Scale[f] : 0;
        return z;
    }

    public static double[][] Apply(FeatureNormalisation normalisation, IReadOnlyList<double[]> rows) => rows.Select(r => Apply(normalisation, r)).ToArray();
}
