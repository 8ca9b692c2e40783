using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Hosting;

/// <summary>The stages a worker can run, in data-flow order; <c>all</c> runs every one in one process.</summary>
public static class StageNames
{
    public const string All = "all";

    public static readonly IReadOnlyList<string> Each =
    [
        IngestStage.StageName, EnrichStage.StageName, FirmSentimentStage.StageName, IndustrySentimentStage.StageName,
        AggregateStage.StageName, ScoreStage.StageName, AlertStage.StageName,
    ];

    /// <summary>The stages <paramref name="name"/> stands for; null when it names none.</summary>
    public static IReadOnlyList<string>? Resolve(string name) =>
        string.Equals(name, All, StringComparison.OrdinalIgnoreCase) ? Each
        : Each.FirstOrDefault(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase)) is { } one ? [one]
        : null;
}
