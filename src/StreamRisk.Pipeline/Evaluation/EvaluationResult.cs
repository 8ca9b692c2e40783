using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Evaluation;

/// <summary>What <c>streamrisk eval</c> did: the pipeline run, its scorecard, and where the report went.</summary>
public sealed record EvaluationResult(RunSummary Run, SimulationScorecard Scorecard, string ReportPath, string? ChartPath, TimeSpan Elapsed);
