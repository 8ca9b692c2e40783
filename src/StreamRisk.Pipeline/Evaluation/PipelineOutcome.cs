using StreamRisk.Core.Events;

namespace StreamRisk.Pipeline.Evaluation;

/// <summary>What the pipeline produced that the evaluation judges, read back from its topic files.</summary>
/// <param name="AdmittedDocIds">Documents ingest accepted (docs.v1): duplicates and dead letters are not among them.</param>
/// <param name="Mentions">Distinct (doc, issuer) pairs entity linking found (mentions.v1).</param>
/// <param name="FirmScores">Firm-level score per (doc, issuer) (sentiment.firm.v1; the last event wins).</param>
/// <param name="DailyIndex">The last revision of each issuer's daily value (sentiment.daily.v1).</param>
public sealed record PipelineOutcome(
    IReadOnlySet<string> AdmittedDocIds,
    IReadOnlySet<DocIssuer> Mentions,
    IReadOnlyDictionary<DocIssuer, double> FirmScores,
    IReadOnlyList<DailySentiment> DailyIndex);
