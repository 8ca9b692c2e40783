using StreamRisk.Core.Events;
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

    /// <summary>The topics each stage consumes (each stage's <see cref="Stages.PipelineStage.InputTopics"/>, as one table).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Inputs = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [IngestStage.StageName] = [Topics.NewsRaw],
        [EnrichStage.StageName] = [Topics.Docs],
        [FirmSentimentStage.StageName] = [Topics.Mentions],
        [IndustrySentimentStage.StageName] = [Topics.Mentions],
        [AggregateStage.StageName] = [Topics.FirmSentiment, Topics.IndustrySentiment],
        [ScoreStage.StageName] = [Topics.DailySentiment, Topics.Fundamentals, Topics.Spreads],
        [AlertStage.StageName] = [Topics.RiskScores],
    };

    /// <summary>The stages that consume <paramref name="topic"/>; none for the pipeline's outputs (alerts, dead letters).</summary>
    public static IEnumerable<string> ConsumersOf(string topic) => Each.Where(stage => Inputs[stage].Contains(topic));

    /// <summary>The stages <paramref name="name"/> stands for; null when it names none.</summary>
    public static IReadOnlyList<string>? Resolve(string name) =>
        string.Equals(name, All, StringComparison.OrdinalIgnoreCase) ? Each
        : Each.FirstOrDefault(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase)) is { } one ? [one]
        : null;
}
