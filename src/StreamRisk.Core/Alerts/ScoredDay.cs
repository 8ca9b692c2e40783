using StreamRisk.Core.Events;

namespace StreamRisk.Core.Alerts;

/// <summary>The latest revision of one issuer-day's score, as the alert rules see it.</summary>
internal sealed record ScoredDay(int DayNumber, int Revision, double Index, RiskClass RiskClass, double ClassProbability, IReadOnlyList<string> Evidence);
