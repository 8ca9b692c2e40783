using StreamRisk.Core.Events;

namespace StreamRisk.Core.Indexing;

/// <summary>Settings of <see cref="IndustryDailyIndex"/>.</summary>
public sealed record IndustryIndexOptions
{
    /// <summary>Days a text's day may lie behind its ingest watermark (<see cref="IndustrySentiment.Watermark"/>) and
    /// still count (default 3); older texts are <c>too_late</c>.</summary>
    public int AllowedLatenessDays { get; init; } = 3;

    /// <summary>Extra days, beyond <see cref="AllowedLatenessDays"/>, that an industry-day's full state is kept in memory
    /// behind this instance's own watermark (default 14); see <see cref="DailyAggregatorOptions.PruneMarginDays"/>.</summary>
    public int PruneMarginDays { get; init; } = 14;

    /// <summary>Trailing window of the causal z-score, in days (default 60).</summary>
    public int ZScoreWindowDays { get; init; } = 60;

    /// <summary>Past days with data needed before the z-score is non-zero (default 10).</summary>
    public int ZScoreMinCount { get; init; } = 10;

    /// <summary>How many days the stream must be past an industry day before its meso scores go to the issuers
    /// (default 1): day d reaches them once the watermark (the latest ingest stamp applied, or the caller's stream
    /// watermark) is at least d + this, and again whenever it changes after that. 0 sends them with every change, as
    /// the day's texts arrive: one revision of every issuer of the industry per batch that moves the day, which made
    /// the daily index's output grow with industry texts × issuers per industry (docs/design-notes.md, "Meso release").</summary>
    public int MesoReleaseDays { get; init; } = 1;
}
