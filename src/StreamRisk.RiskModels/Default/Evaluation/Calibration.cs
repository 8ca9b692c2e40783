namespace StreamRisk.RiskModels.Default.Evaluation;

/// <summary>One bin of a reliability curve: [Lower, Upper), its rows' mean predicted probability and observed frequency.</summary>
public readonly record struct ReliabilityBin(double Lower, double Upper, double MeanPredicted, double ObservedFrequency, int Count);

/// <summary>Calibration of a predicted probability against binary truth (one class against the rest).</summary>
public static class Calibration
{
    /// <summary>
    /// Equal-width bins over [0, 1] (the last bin includes 1). Empty bins are kept with count 0 and NaN means, so every
    /// curve of a report has the same bins.
    /// </summary>
    public static IReadOnlyList<ReliabilityBin> ReliabilityCurve(IReadOnlyList<double> probabilities, IReadOnlyList<bool> positives, int bins = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (probabilities.Count != positives.Count) throw new ArgumentException($"{probabilities.Count} probabilities but {positives.Count} labels");
        var sum = new double[bins];
        var hits = new int[bins];
        var count = new int[bins];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var p = probabilities[i];
            if (!(p >= 0 && p <= 1)) throw new ArgumentException($"probability {i} is {p}: must lie in [0, 1]", nameof(probabilities));
            var b = Math.Min((int)(p * bins), bins - 1);
            sum[b] += p;
            count[b]++;
            if (positives[i]) hits[b]++;
        }
        var curve = new ReliabilityBin[bins];
        for (var b = 0; b < bins; b++)
        {
            curve[b] = new ReliabilityBin(b / (double)bins, (b + 1) / (double)bins,
                count[b] == 0 ? double.NaN : sum[b] / count[b],
                count[b] == 0 ? double.NaN : hits[b] / (double)count[b],
                count[b]);
        }
        return curve;
    }

    /// <summary>ECE = Σ_bins (count / n)·|mean predicted − observed frequency| over a reliability curve; NaN when empty.</summary>
    public static double ExpectedCalibrationError(IReadOnlyList<ReliabilityBin> curve)
    {
        var n = curve.Sum(b => b.Count);
        if (n == 0) return double.NaN;
        return curve.Where(b => b.Count > 0).Sum(b => b.Count / (double)n * Math.Abs(b.MeanPredicted - b.ObservedFrequency));
    }
}
