using StreamRisk.Core.Events;

namespace StreamRisk.Pipeline.Hosting;

/// <summary>Dead letters counted by (stage, reason code), most frequent first: what <c>streamrisk dlq list</c> prints.</summary>
public static class DeadLetterSummary
{
    public sealed record ReasonCount(string Stage, string ReasonCode, int Count, string Example);

    public static IReadOnlyList<ReasonCount> ByReason(IReadOnlyList<DeadLetter> letters) =>
        letters.GroupBy(l => (l.Stage, l.ReasonCode))
            .Select(g => new ReasonCount(g.Key.Stage, g.Key.ReasonCode, g.Count(), g.First().Reason))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Stage, StringComparer.Ordinal).ThenBy(r => r.ReasonCode, StringComparer.Ordinal)
            .ToList();
}
