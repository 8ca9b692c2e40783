using StreamRisk.Core.Simulation;

namespace StreamRisk.Pipeline.Evaluation;

/// <summary>Scores a <see cref="PipelineOutcome"/> against ground truth: mentions, firm polarity and the daily index.</summary>
public static class SimulationScoring
{
    public static SimulationScorecard Score(
        IReadOnlyCollection<TextPolarity> truth,
        PipelineOutcome outcome,
        IReadOnlyDictionary<string, LatentPath> latent,
        int horizonDays,
        double neutralBand,
        IReadOnlySet<string>? relatedIssuers = null)
    {
        var newsTexts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in truth)
        {
            if (MentionEvaluation.IsNews(row.Kind)) newsTexts.Add(row.DocId);
        }
        var judged = MentionEvaluation.JudgedDocuments(truth, outcome);
        return new SimulationScorecard(
            newsTexts.Count,
            judged.Count,
            MentionEvaluation.Score(truth, outcome),
            PolarityEvaluation.Score(truth, outcome, neutralBand),
            neutralBand,
            IndexCorrelationEvaluation.Score(outcome, latent, horizonDays))
        {
            RelatedIssuers = relatedIssuers?.Count ?? 0,
            RelatedIndex = relatedIssuers is { Count: > 0 } ? IndexCorrelationEvaluation.Score(outcome, latent, horizonDays, relatedIssuers) : null,
        };
    }
}
