using StreamRisk.Core.Evaluation;
using StreamRisk.Core.Simulation;

namespace StreamRisk.Pipeline.Evaluation;

/// <summary>
/// Entity linking against the truth: the (doc, issuer) pairs linking found versus the pairs the simulator wrote a
/// polarity for. Only documents that ingest admitted and that the truth covers are judged, so a duplicate dropped by
/// de-duplication is neither a miss nor a hit (de-duplication is doing its job), and issuer disclosures, which the
/// evaluation does not feed, are left out.
/// </summary>
public static class MentionEvaluation
{
    public static DetectionScore Score(IReadOnlyCollection<TextPolarity> truth, PipelineOutcome outcome)
    {
        var judged = JudgedDocuments(truth, outcome);
        var truePairs = new List<DocIssuer>();
        foreach (var row in truth)
        {
            if (row.IssuerId is not null && judged.Contains(row.DocId)) truePairs.Add(new DocIssuer(row.DocId, row.IssuerId));
        }
        var found = new List<DocIssuer>();
        foreach (var pair in outcome.Mentions)
        {
            if (judged.Contains(pair.DocId)) found.Add(pair);
        }
        return DetectionScore.Compare(truePairs, found);
    }

    /// <summary>News documents (not disclosures) that both the truth and the pipeline's docs.v1 hold.</summary>
    public static HashSet<string> JudgedDocuments(IReadOnlyCollection<TextPolarity> truth, PipelineOutcome outcome)
    {
        var judged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in truth)
        {
            if (IsNews(row.Kind) && outcome.AdmittedDocIds.Contains(row.DocId)) judged.Add(row.DocId);
        }
        return judged;
    }

    public static bool IsNews(TextKind kind) => kind is not (TextKind.RiskFactors or TextKind.ImportantNotice);
}
