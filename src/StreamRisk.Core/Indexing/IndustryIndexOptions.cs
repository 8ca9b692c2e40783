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
}
