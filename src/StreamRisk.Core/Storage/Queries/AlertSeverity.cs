using StreamRisk.Core.Alerts;

namespace StreamRisk.Core.Storage.Queries;

/// <summary>The alert severities in rising order, as <see cref="AlertRules"/> assigns them.</summary>
public static class AlertSeverity
{
    public static readonly IReadOnlyList<string> Ordered = [AlertRules.Info, AlertRules.Warning, AlertRules.Critical];

    /// <summary><paramref name="minimum"/> and every severity above it; null when it is not a severity.</summary>
    public static IReadOnlyList<string>? AtLeast(string minimum)
    {
        for (var i = 0; i < Ordered.Count; i++)
        {
            if (string.Equals(Ordered[i], minimum, StringComparison.Ordinal))
            {
                return Ordered.Skip(i).ToArray();
            }
        }
        return null;
    }
}
