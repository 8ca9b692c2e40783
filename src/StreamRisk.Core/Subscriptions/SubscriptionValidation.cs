using StreamRisk.Core.Alerts;
using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Subscriptions;

/// <summary>What is wrong with a subscription a team asks for, each problem naming the field and what is allowed, so
/// the API can answer with all of them at once.</summary>
public static class SubscriptionValidation
{
    public const int MaxEntriesPerList = 500;
    public const int MaxNameLength = 200;
    private static readonly string[] KnownRules = [AlertRules.ThresholdCrossing, AlertRules.Jump, AlertRules.ClassChange];

    public static IReadOnlyList<(string Field, string Problem)> Problems(string name, SubscriptionFilter filter, Uri? webhookUrl, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(reference);
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            problems.Add(("name", $"give 1–{MaxNameLength} printable characters"));
        }
        Known("issuers", filter.Issuers, reference.Issuers.Select(i => i.IssuerId), problems);
        Known("industries", filter.Industries, reference.Industries.Select(i => i.IndustryId), problems);
        Known("topics", filter.Topics, reference.Topics.Select(t => t.TopicId), problems);
        Known("rules", filter.Rules, KnownRules, problems);
        if (SubscriptionFilter.SeverityRank(filter.MinSeverity) is null)
        {
            problems.Add(("min_severity", $"'{filter.MinSeverity}' is not info, warning or critical"));
        }
        if (webhookUrl is not null && !IsDeliverable(webhookUrl))
        {
            problems.Add(("webhook_url", "must be an absolute https URL (http only to localhost/127.0.0.1/[::1]) without user info"));
        }
        return problems;
    }

    /// <summary>https anywhere; plain http only to this machine, where a local receiver or a test listens.</summary>
    public static bool IsDeliverable(Uri url) =>
        url.IsAbsoluteUri && string.IsNullOrEmpty(url.UserInfo)
        && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));

    private static void Known(string field, IReadOnlyList<string> given, IEnumerable<string> known, List<(string, string)> problems)
    {
        if (given.Count > MaxEntriesPerList)
        {
            problems.Add((field, $"at most {MaxEntriesPerList} entries (got {given.Count})"));
            return;
        }
        var set = known.ToHashSet(StringComparer.Ordinal);
        var unknown = given.Where(g => !set.Contains(g)).Distinct(StringComparer.Ordinal).Take(5).ToList();
        if (unknown.Count > 0)
        {
            problems.Add((field, $"unknown: {string.Join(", ", unknown.Select(u => $"'{u}'"))}"));
        }
    }
}
