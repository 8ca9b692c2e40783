namespace StreamRisk.Core.Indexing;

/// <summary>
/// Causal z-score over a daily grid: z_t = (x_t − mean) / sd, where mean and sd (sample, n−1) come from the
/// non-missing values of days t−window … t−1. Day t itself is left out, so a surprise cannot dampen its own
/// z-score and the statistic is the one a forecaster standing at the start of day t could have computed.
/// Missing days are <see cref="double.NaN"/>; fewer than <see cref="MinCount"/> past values, or no spread
/// (sd ≈ 0), give 0: no history, no measurable surprise.
/// </summary>
public sealed class CausalZScore
{
    public CausalZScore(int window = 60, int minCount = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        if (minCount < 2 || minCount > window)
        {
            throw new ArgumentOutOfRangeException(nameof(minCount), minCount, "minCount must be in 2..window");
        }

        Window = window;
        MinCount = minCount;
    }

    /// <summary>Trailing window in days (default 60).</summary>
    public int Window { get; }

    /// <summary>Past values needed before a non-zero z (default 10).</summary>
    public int MinCount { get; }

    /// <summary>z-score of day <paramref name="t"/>; NaN when the day has no value.</summary>
    public double At(ReadOnlySpan<double> series, int t)
    {
        if ((uint)t >= (uint)series.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, "t must index the series");
        }

        var from = Math.Max(0, t - Window);
        return Of(series[t], series[from..t], MinCount);
    }

    /// <summary>z-scores of every day of <paramref name="series"/>.</summary>
    public void Compute(ReadOnlySpan<double> series, Span<double> z)
    {
        if (z.Length < series.Length)
        {
            throw new ArgumentException("output shorter than the series", nameof(z));
        }

        for (var t = 0; t < series.Length; t++)
        {
            z[t] = At(series, t);
        }
    }

    /// <summary>z-score of <paramref name="value"/> against the non-NaN values of <paramref name="past"/>; their standard
    /// deviation is taken as at least <paramref name="minSd"/> (0: no floor; a constant past then gives 0).</summary>
    public static double Of(double value, ReadOnlySpan<double> past, int minCount, double minSd = 0)
    {
        if (double.IsNaN(value))
        {
            return double.NaN;
        }

        var count = 0;
        double sum = 0;
        foreach (var x in past)
        {
            if (!double.IsNaN(x))
            {
                sum += x;
                count++;
            }
        }

        if (count < minCount || count < 2)
        {
            return 0;
        }

        var mean = sum / count;
        double squares = 0;
        foreach (var x in past)
        {
            if (!double.IsNaN(x))
            {
                squares += (x - mean) * (x - mean);
            }
        }

        var sd = Math.Max(Math.Sqrt(squares / (count - 1)), minSd);
        return sd <= 1e-12 * Math.Max(1.0, Math.Abs(mean)) ? 0 : (value - mean) / sd;
    }
}
