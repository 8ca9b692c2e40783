using StreamRisk.Core.Events;

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
    /// <summary>Days a text's day may lie behind its ingest watermark (<see cref="FirmSentiment.Watermark"/>) and still
    /// count (default 3); older texts are <c>too_late</c>.</summary>
    public int AllowedLatenessDays { get; init; } = 3;

    /// <summary>
    /// Extra days, beyond <see cref="AllowedLatenessDays"/>, that an issuer-day's full state is kept in memory behind
    /// this instance's own watermark (default 14). Lateness is judged by each text's ingest stamp, but texts of
    /// different partitions arrive reordered, so a text can be on time for a day already let go of. The aggregate stage
    /// brings such days back from the store (<see cref="DailyAggregator.NeedingReopen"/>, <see cref="DailyAggregator.Reopen"/>),
    /// so the margin trades memory (one open day of state per issuer per margin day) against store reads; it does not
    /// change results. Used without a store, a text for a pruned day comes back as <c>day_pruned</c>.
    /// </summary>
    public int PruneMarginDays { get; init; } = 14;

    /// <summary>Weight of the day's mean firm-level score (default 0.7).</summary>
    public double FirmWeight { get; init; } = 0.7;

    /// <summary>Weight of the issuer's meso (industry z-score) value (default 0.3).</summary>
    public double MesoWeight { get; init; } = 0.3;

    /// <summary>How many doc ids a day keeps as evidence (default 3).</summary>
    public int TopDocCount { get; init; } = 3;
}
