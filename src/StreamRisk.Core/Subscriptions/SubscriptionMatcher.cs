using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Subscriptions;

/// <summary>Decides which events a <see cref="SubscriptionFilter"/> lets through, with the reference data that links
/// issuers to industries and topics to the industries they move.</summary>
public sealed class SubscriptionMatcher
{
    private readonly Dictionary<string, string[]> _industriesOfIssuer;
    private readonly Dictionary<string, string[]> _industriesOfTopic;

    public SubscriptionMatcher(ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _industriesOfIssuer = reference.Issuers.ToDictionary(i => i.IssuerId, i => i.IndustryIds.ToArray(), StringComparer.Ordinal);
        _industriesOfTopic = reference.TopicIndustryMatrix
            .Where(link => link.Weight != 0)
            .GroupBy(link => link.TopicId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(link => link.IndustryId).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    public bool Matches(SubscriptionFilter filter, RiskAlert alert)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(alert);
        return filter.Wants(SubscriptionKind.Alert)
            && (filter.Rules.Count == 0 || filter.Rules.Contains(alert.Rule, StringComparer.Ordinal))
            && SubscriptionFilter.SeverityRank(alert.Severity) >= SubscriptionFilter.SeverityRank(filter.MinSeverity)
            && IssuerInScope(filter, alert.IssuerId);
    }

    public bool Matches(SubscriptionFilter filter, RiskScore score)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(score);
        return filter.Wants(SubscriptionKind.Score) && IssuerInScope(filter, score.IssuerId);
    }

    public bool Matches(SubscriptionFilter filter, TopicMatch match)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(match);
        return filter.Wants(SubscriptionKind.TopicMatch)
            && (!filter.HasScope
                || Overlaps(filter.Topics, match.TopicIds)
                || Overlaps(filter.Industries, match.IndustryIds)
                || Overlaps(filter.Issuers, match.IssuerIds));
    }

    private bool IssuerInScope(SubscriptionFilter filter, string issuerId)
    {
        if (!filter.HasScope || filter.Issuers.Contains(issuerId, StringComparer.Ordinal))
        {
            return true;
        }
        var industries = _industriesOfIssuer.GetValueOrDefault(issuerId, []);
        return Overlaps(filter.Industries, industries)
            || filter.Topics.Any(topic => Overlaps(_industriesOfTopic.GetValueOrDefault(topic, []), industries));
    }

    private static bool Overlaps(IReadOnlyCollection<string> wanted, IReadOnlyCollection<string> present) =>
        wanted.Count > 0 && present.Any(p => wanted.Contains(p, StringComparer.Ordinal));
}
