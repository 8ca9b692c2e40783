using StreamRisk.Core.Evaluation;
using StreamRisk.Core.Simulation;

namespace StreamRisk.Pipeline.Evaluation;

/// <summary>
/// Firm-level sentiment against the truth: for every (doc, issuer) pair that has both a true polarity and a
/// sentiment.firm.v1 score, the true polarity against the score's class (neutral inside the band, else its sign).
/// Pairs linking missed or invented are the mention evaluation's business, not this one's.
/// </summary>
public static class PolarityEvaluation
{
    public static PolarityConfusion Score(IReadOnlyCollection<TextPolarity> truth, PipelineOutcome outcome, double neutralBand)
    {
        var confusion = new PolarityConfusion();
        foreach (var row in truth)
        {
            if (row.IssuerId is null || !MentionEvaluation.IsNews(row.Kind)) continue;
            if (outcome.FirmScores.TryGetValue(new DocIssuer(row.DocId, row.IssuerId), out var score))
            {
                confusion.Add(row.Polarity, PolarityConfusion.Classify(score, neutralBand));
            }
        }
        return confusion;
    }
}
