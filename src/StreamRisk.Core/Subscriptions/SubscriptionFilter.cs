using StreamRisk.Core.Alerts;

namespace StreamRisk.Core.Subscriptions;

/// <summary>
/// What a team wants to hear about. Within a list any entry matches; between lists all must (an empty list does not
/// narrow). The scope lists — issuers, industries, topics — widen each other: an alert is in scope when its issuer is
/// listed, or is in a listed industry, or is in an industry a listed topic moves.
/// </summary>
/// <param name="Kinds">Which events: alerts, scores, topic matches (empty: all three).</param>
/// <param name="Rules">Alert rules (e.g. <c>index_drop</c>); empty: every rule.</param>
/// <param name="MinSeverity">Alerts below it are not delivered: info &lt; warning &lt; critical.</param>
public sealed record SubscriptionFilter(
    IReadOnlyList<string> Issuers,
    IReadOnlyList<string> Industries,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Rules,
    string MinSeverity,
    IReadOnlyList<SubscriptionKind> Kinds)
{
    public static SubscriptionFilter Everything { get; } = new([], [], [], [], AlertRules.Info, []);

    public bool HasScope => Issuers.Count + Industries.Count + Topics.Count > 0;

    public bool Wants(SubscriptionKind kind) => Kinds.Count == 0 || Kinds.Contains(kind);

    /// <summary>Rank of a severity name (info 0, warning 1, critical 2), or null for a name that is not one.</summary>
    public static int? SeverityRank(string severity) =>
        Storage.Queries.AlertSeverity.Rank(severity);
}

/// <summary>The events a subscription can deliver.</summary>
public enum SubscriptionKind
{
    /// <summary><c>risk.alerts.v1</c>.</summary>
    Alert,
    /// <summary><c>risk.scores.v1</c>.</summary>
    Score,
    /// <summary>A text matched to a news topic, with the industries and issuers it moves.</summary>
    TopicMatch,
}
