using StreamRisk.Core.Alerts;

namespace StreamRisk.Core.Storage.Queries;

/// <summary>The alert severities in rising order, as <see cref="AlertRules"/> assigns them.</summary>
public static class AlertSeverity
{
    public static readonly IReadOnlyList<string> Ordered = [AlertRules.Info, AlertRules.Warning, AlertRules.Critical];

    /// <summary>Rank of a severity name (info 0, warning 1, critical 2), or null for a name that is not one.</summary>
    public static int? Rank(string severity)
    {
        for (var i = 0; i < Ordered.Count; i++)
        {
            if (string.Equals(Ordered[i], severity, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return null;
    }

    /// <summary><paramref name="minimum"/> and every severity above it; null when it is not a severity.</summary>
    public static IReadOnlyList<string>? AtLeast(string minimum) => Rank(minimum) is { } rank ? Ordered.Skip(rank).ToArray() : null;
}
