namespace StreamRisk.Core.Indexing;

/// <summary>Settings of <see cref="IndustryDailyIndex"/>.</summary>
public sealed record IndustryIndexOptions
{
    /// <summary>Days behind the watermark a day stays open to late texts (default 3).</summary>
    public int AllowedLatenessDays { get; init; } = 3;

    /// <summary>Trailing window of the causal z-score, in days (default 60).</summary>
    public int ZScoreWindowDays { get; init; } = 60;

    /// <summary>Past days with data needed before the z-score is non-zero (default 10).</summary>
    public int ZScoreMinCount { get; init; } = 10;
}
