using StreamRisk.Core.Events;

namespace StreamRisk.Api.Responses;

public sealed record AlertView(string AlertId, string IssuerId, DateOnly AsOf, string Rule, string Severity, string Message, double Value,
    double? Threshold, IReadOnlyList<string> EvidenceDocIds, int Revision, string Status)
{
    public static AlertView From(RiskAlert a) =>
        new(a.AlertId, a.IssuerId, a.AsOf, a.Rule, a.Severity, a.Message, a.Value, a.Threshold, a.EvidenceDocIds, a.Revision, a.Status);
}
