namespace StreamRisk.RiskModels.Evaluation;

/// <summary>Result of a Diebold–Mariano test: mean loss difference (A − B), statistic, two-sided p-value, periods.</summary>
public readonly record struct DieboldMarianoResult(double MeanDifference, double Statistic, double PValue, int Periods);

/// <summary>
/// Diebold–Mariano (1995) test of equal predictive accuracy on a loss-differential series d_t = L(A)_t − L(B)_t:
/// DM = mean(d) / √(V / T), V the long-run variance of d with Newey–West (Bartlett) weights up to lag h − 1 (the
/// overlap of h-step forecasts; Bartlett weights keep V positive where DM's rectangular window can go negative).
/// Under the null DM ~ N(0, 1). Negative DM: A has the smaller loss.
/// </summary>
public static class DieboldMariano
{
    public static DieboldMarianoResult Test(IReadOnlyList<double> differences, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        var t = differences.Count;
        if (t < 2) throw new ArgumentException("the Diebold–Mariano test needs at least two periods", nameof(differences));
        var mean = differences.Average();
        var variance = Autocovariance(differences, mean, 0);
        for (var lag = 1; lag < horizon && lag < t; lag++)
        {
            var weight = 1.0 - lag / (double)horizon;
            variance += 2 * weight * Autocovariance(differences, mean, lag);
        }
        if (!(variance > 0))
        {
            // Identical losses in every period: no evidence either way.
            return new DieboldMarianoResult(mean, 0, 1, t);
        }
        var statistic = mean / Math.Sqrt(variance / t);
        var p = 2 * (1 - NormalDistribution.Cdf(Math.Abs(statistic)));
        return new DieboldMarianoResult(mean, statistic, Math.Clamp(p, 0, 1), t);
    }

    /// <summary>γ(k) = (1/T) Σ_{t=k+1..T} (d_t − d̄)(d_{t−k} − d̄).</summary>
    private static double Autocovariance(IReadOnlyList<double> d, double mean, int lag)
    {
        var sum = 0.0;
        for (var i = lag; i < d.Count; i++) sum += (d[i] - mean) * (d[i - lag] - mean);
        return sum / d.Count;
    }
}
