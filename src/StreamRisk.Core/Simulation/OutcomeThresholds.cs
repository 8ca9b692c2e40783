namespace StreamRisk.Core.Simulation;

/// <summary>
/// Latent credit levels whose first crossing means an extension (payment deferral) or a default.
/// Calibrated on a dry run of the same latent paths, so the realised shares of extended and defaulted issuers match
/// the options (to within one issuer) while which issuers fail, and when, still follows their latent credit.
/// </summary>
public sealed record OutcomeThresholds(double Extension, double Default)
{
    public static OutcomeThresholds Calibrate(
        SimulationOptions options, IReadOnlyList<IssuerProfile> issuers, int industryCount, MacroFactorPath macro,
        IReadOnlyList<Reference.IssuerRelation>? links = null)
    {
        var lowest = new double[issuers.Count];
        Array.Fill(lowest, double.PositiveInfinity);
        var process = new LatentCreditProcess(options.Seed, issuers, industryCount, macro.At(options.StartDay), links);
        for (var day = options.StartDay; day <= options.EndDay; day = day.AddDays(1))
        {
            if (!TradingCalendar.IsTradingDay(day)) continue;
            process.Step(macro.At(day));
            for (var i = 0; i < issuers.Count; i++)
            {
                if (day < issuers[i].FirstDay) continue;
                var latent = process.Latent(i);
                if (latent < lowest[i]) lowest[i] = latent;
            }
        }

        Array.Sort(lowest);
        var defaults = (int)Math.Round(options.DefaultedShare * issuers.Count, MidpointRounding.AwayFromZero);
        var failures = (int)Math.Round((options.DefaultedShare + options.ExtendedShare) * issuers.Count, MidpointRounding.AwayFromZero);
        var defaultLevel = Between(lowest, defaults);
        var extensionLevel = Math.Max(defaultLevel, Between(lowest, failures));
        return new OutcomeThresholds(extensionLevel, defaultLevel);
    }

    /// <summary>A level with exactly <paramref name="count"/> of the sorted minima strictly below it.</summary>
    private static double Between(double[] sortedMinima, int count)
    {
        if (count <= 0) return double.NegativeInfinity;
        if (count >= sortedMinima.Length) return double.PositiveInfinity;
        return 0.5 * (sortedMinima[count - 1] + sortedMinima[count]);
    }
}
