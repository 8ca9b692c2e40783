using StreamRisk.Core.Events;
using StreamRisk.Core.Subscriptions;

namespace StreamRisk.Api.Responses;

/// <param name="Acknowledgement">The calling team's acknowledgement of the alert; null when it has none.</param>
public sealed record AlertView(string AlertId, string IssuerId, DateOnly AsOf, string Rule, string Severity, string Message, double Value,
    double? Threshold, IReadOnlyList<string> EvidenceDocIds, int Revision, string Status, AcknowledgementView? Acknowledgement)
{
    public static AlertView From(RiskAlert a, AlertAcknowledgement? acknowledgement = null) =>
        new(a.AlertId, a.IssuerId, a.AsOf, a.Rule, a.Severity, a.Message, a.Value, a.Threshold, a.EvidenceDocIds, a.Revision, a.Status,
            acknowledgement is null ? null : AcknowledgementView.From(acknowledgement));
}

/// <param name="KeyId">The team's API key that acknowledged it.</param>
public sealed record AcknowledgementView(DateTimeOffset AcknowledgedAt, string KeyId, string? Note)
{
    public static AcknowledgementView From(AlertAcknowledgement a) => new(a.AcknowledgedAt, a.KeyId, a.Note);
}
