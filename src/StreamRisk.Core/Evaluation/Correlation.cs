namespace StreamRisk.Core.Evaluation;

/// <summary>Pearson and Spearman correlation of paired samples.</summary>
public static class Correlation
{
    /// <summary>
    /// Pearson's r. NaN when there are fewer than two pairs or either side is constant: the coefficient is undefined
    /// there, and a made-up 0 would read as "no relation" in a report.
    /// </summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException($"x has {x.Length} values, y has {y.Length}");
        var n = x.Length;
        if (n < 2) return double.NaN;
        double meanX = 0, meanY = 0;
        for (var i = 0; i < n; i++)
        {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        // Two passes (means first) rather than running sums of squares: the one-pass formula cancels catastrophically
        // for series with a large mean and a small spread, such as latent credit levels.
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx <= 0 || syy <= 0) return double.NaN;
        var r = sxy / Math.Sqrt(sxx * syy);
        return Math.Clamp(r, -1.0, 1.0);
    }

    /// <summary>Spearman's rho: Pearson's r of the fractional ranks, so ties share their average rank.</summary>
    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException($"x has {x.Length} values, y has {y.Length}");
        if (x.Length < 2) return double.NaN;
        return Pearson(FractionalRanks.Of(x), FractionalRanks.Of(y));
    }
}
