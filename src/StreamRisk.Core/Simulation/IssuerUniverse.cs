using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Simulation;

/// <summary>Draws the simulated issuers: names, industries, credit traits and entry days.</summary>
public static class IssuerUniverse
{
    /// <summary>Issuer ids are <c>SIM</c> + a zero-padded number, so they never clash with the curated reference issuers.</summary>
    public static IReadOnlyList<IssuerProfile> Draw(SimulationOptions options, IReadOnlyList<Industry> industries)
    {
        if (industries.Count == 0) throw new ArgumentException("at least one industry is needed", nameof(industries));
        var traits = Pcg32.ForStream(options.Seed, "issuers");
        var names = new IssuerNameGenerator(Pcg32.ForStream(options.Seed, "issuer-names"));
        var totalDays = options.EndDay.DayNumber - options.StartDay.DayNumber + 1;
        var width = Math.Max(5, options.IssuerCount.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var profiles = new IssuerProfile[options.IssuerCount];
        for (var i = 0; i < profiles.Length; i++)
        {
            var main = traits.NextInt(industries.Count);
            var own = new List<Industry>(2) { industries[main] };
            if (industries.Count > 1 && traits.NextBool(0.3))
            {
                var second = traits.NextInt(industries.Count - 1);
                own.Add(industries[second >= main ? second + 1 : second]);
            }

            // New issuers enter during the first 70 % of the period, so each still has a few years of history.
            var firstDay = traits.NextBool(options.LateStartShare)
                ? options.StartDay.AddDays(1 + traits.NextInt(Math.Max(1, (int)(totalDays * 0.7))))
                : options.StartDay;
            var id = "SIM" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0');
            profiles[i] = new IssuerProfile(
                names.Next(id, own),
                i,
                main,
                BaseQuality: 0.25 + 0.85 * traits.NextGaussian(),
                MacroLoading: 0.15 + 0.25 * traits.NextDouble(),
                IndustryLoading: 0.5 + 0.5 * traits.NextDouble(),
                FirstDay: firstDay,
                LogAssets: Math.Log(800) + 1.3 * traits.NextGaussian(),
                FilingLagDays: 25 + traits.NextInt(21));
        }

        return profiles;
    }
}
