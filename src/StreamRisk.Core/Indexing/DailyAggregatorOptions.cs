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
    /// Extra days, beyond <see cref="AllowedLatenessDays"/>, that an issuer-day's full state is kept behind this
    /// instance's own watermark before it is pruned (default 28). Lateness is judged by each text's ingest stamp, but
    /// the texts of different partitions reach this instance reordered; a text whose stamp is older than the newest
    /// stamp seen so far must still find its day open. The margin must therefore exceed how far, in event days, inputs
    /// from different partitions can be reordered (consumer lag between partitions, batch size); a text reordered
    /// further than that, or a redelivered duplicate of one counted before the state was rebuilt, comes back as
    /// <c>day_pruned</c>. Each margin day costs one open day of state per issuer.
    /// </summary>
    public int PruneMarginDays { get; init; } = 28;

    /// <summary>Weight of the day's mean firm-level score (default 0.7).</summary>
    public double FirmWeight { get; init; } = 0.7;

    /// <summary>Weight of the issuer's meso (industry z-score) value (default 0.3).</summary>
    public double MesoWeight { get; init; } = 0.3;

    /// <summary>How many doc ids a day keeps as evidence (default 3).</summary>
    public int TopDocCount { get; init; } = 3;
}
