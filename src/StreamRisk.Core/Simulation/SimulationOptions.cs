namespace StreamRisk.Core.Simulation;

/// <summary>What to simulate. Shares are fractions in [0, 1].</summary>
/// <param name="IssuerCount">Issuers to generate into the given industries.</param>
/// <param name="Years">Length of the simulated period.</param>
/// <param name="Seed">Run seed: the same options and seed give the same events, byte for byte.</param>
/// <param name="StartDay">First simulated day; with the real macro anchor, 1999-01-01 puts 2008 inside a ten-year run.</param>
/// <param name="NewsPerIssuerPerYear">Mean issuer-driven texts per active issuer per year (the CLI's --news-per-issuer-year).</param>
/// <param name="ExtendedShare">Share of issuers whose final class is extended (crossed the extension threshold, never defaulted).</param>
/// <param name="DefaultedShare">Share of issuers that default during the period.</param>
/// <param name="PairShare">Share of primary texts naming two issuers with opposite tone.</param>
/// <param name="IndustryShare">Share of primary texts about one topic and one industry, naming no issuer.</param>
/// <param name="RumourShare">Share of primary texts that are rumours (each later denied by a text of opposite tone).</param>
/// <param name="NoiseShare">Share of primary texts about nothing credit-relevant.</param>
/// <param name="DuplicateShare">Chance that a primary text is delivered again (verbatim or lightly edited) under another doc id.</param>
/// <param name="LateShare">Chance that a primary text arrives days to weeks after it was published.</param>
/// <param name="LateStartShare">Share of issuers that enter the sample after its start (new bond issuers).</param>
/// <param name="SkippedFilingShare">Chance that a quarterly statement is never filed.</param>
/// <param name="LateFilingShare">Chance that a quarterly statement is filed months late.</param>
/// <param name="MisleadingToneShare">Chance that a single-issuer text's tone disagrees with the latent change it reports on.</param>
public sealed record SimulationOptions(
    int IssuerCount,
    int Years,
    ulong Seed,
    DateOnly StartDay,
    double NewsPerIssuerPerYear = 24,
    double ExtendedShare = 0.012,
    double DefaultedShare = 0.007,
    double PairShare = 0.10,
    double IndustryShare = 0.15,
    double RumourShare = 0.03,
    double NoiseShare = 0.05,
    double DuplicateShare = 0.04,
    double LateShare = 0.03,
    double LateStartShare = 0.25,
    double SkippedFilingShare = 0.04,
    double LateFilingShare = 0.06,
    double MisleadingToneShare = 0.05)
{
    public static readonly DateOnly DefaultStartDay = new(1999, 1, 1);

    /// <summary>Share of issuers given a link (supplier/customer or parent/subsidiary) to another issuer, whose latent
    /// credit shocks then partly move each other's (<see cref="IssuerLinks"/>). 0 (default): no links, and the run is
    /// byte for byte what it was before links existed.</summary>
    public double RelatedShare { get; init; }

    public DateOnly EndDay => StartDay.AddYears(Years).AddDays(-1);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option that is out of range.</summary>
    public void Validate()
    {
        if (IssuerCount < 1) throw new ArgumentException($"IssuerCount must be at least 1 (was {IssuerCount})");
        if (Years is < 1 or > 60) throw new ArgumentException($"Years must be in 1..60 (was {Years})");
        if (NewsPerIssuerPerYear is < 0 or > 10_000) throw new ArgumentException($"NewsPerIssuerPerYear must be in 0..10000 (was {NewsPerIssuerPerYear})");
        CheckShare(ExtendedShare, nameof(ExtendedShare));
        CheckShare(DefaultedShare, nameof(DefaultedShare));
        if (ExtendedShare + DefaultedShare >= 0.5) throw new ArgumentException("ExtendedShare + DefaultedShare must stay below 0.5");
        CheckShare(PairShare, nameof(PairShare));
        CheckShare(IndustryShare, nameof(IndustryShare));
        CheckShare(RumourShare, nameof(RumourShare));
        CheckShare(NoiseShare, nameof(NoiseShare));
        if (PairShare + IndustryShare + RumourShare + NoiseShare >= 1.0)
            throw new ArgumentException("PairShare + IndustryShare + RumourShare + NoiseShare must leave room for single-issuer texts (< 1)");
        CheckShare(DuplicateShare, nameof(DuplicateShare));
        CheckShare(LateShare, nameof(LateShare));
        CheckShare(LateStartShare, nameof(LateStartShare));
        CheckShare(SkippedFilingShare, nameof(SkippedFilingShare));
        CheckShare(LateFilingShare, nameof(LateFilingShare));
        CheckShare(MisleadingToneShare, nameof(MisleadingToneShare));
        CheckShare(RelatedShare, nameof(RelatedShare));
    }

    private static void CheckShare(double value, string name)
    {
        if (double.IsNaN(value) || value < 0 || value > 1) throw new ArgumentException($"{name} must be in [0, 1] (was {value})");
    }
}
