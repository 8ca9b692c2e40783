namespace StreamRisk.Core.Indexing;

/// <summary>
/// How <see cref="DailyAggregator"/> combines an issuer's day. Composite = FirmWeight · firm + MesoWeight · meso,
/// where a missing component contributes 0 (a day without firm texts is composite = MesoWeight · meso; a day with
/// nothing is 0). Treating "no news" as neutral keeps each component's scale the same on every day, so the index
/// does not jump when coverage changes, and gives the wavelet the regular daily grid it needs.
/// Defaults 0.7 / 0.3: firm texts name the issuer and move its spread most; the industry z-score is context.
/// </summary>
public sealed record DailyAggregatorOptions
{
    /// <summary>Days behind the watermark a day stays open to late texts (default 3).</summary>
    public int AllowedLatenessDays { get; init; } = 3;

    /// <summary>Weight of the day's mean firm-level score (default 0.7).</summary>
    public double FirmWeight { get; init; } = 0.7;

    /// <summary>Weight of the issuer's meso (industry z-score) value (default 0.3).</summary>
    public double MesoWeight { get; init; } = 0.3;

    /// <summary>How many doc ids a day keeps as evidence (default 3).</summary>
    public int TopDocCount { get; init; } = 3;
}
