using StreamRisk.Core.Storage;

namespace StreamRisk.Pipeline.Running;

/// <summary>Compares the results two stores hold (daily index, risk scores, alerts), for "replay equals live".</summary>
public static class StoreComparison
{
    public static async Task<IReadOnlyList<string>> CompareAsync(IRiskStore expected, IRiskStore actual, IEnumerable<string> issuerIds, CancellationToken cancellationToken)
    {
        var differences = new List<string>();
        foreach (var issuer in issuerIds.Order(StringComparer.Ordinal))
        {
            var a = await expected.GetDailySentimentAsync(issuer, cancellationToken).ConfigureAwait(false);
            var b = await actual.GetDailySentimentAsync(issuer, cancellationToken).ConfigureAwait(false);
            Compare($"daily index of {issuer}", a.Select(Canonical), b.Select(Canonical), differences);
            var sa = await expected.GetRiskScoresAsync(issuer, cancellationToken).ConfigureAwait(false);
            var sb = await actual.GetRiskScoresAsync(issuer, cancellationToken).ConfigureAwait(false);
            Compare($"risk scores of {issuer}", sa.Select(Canonical), sb.Select(Canonical), differences);
        }
        var alertsA = await expected.GetAlertsAsync(cancellationToken).ConfigureAwait(false);
        var alertsB = await actual.GetAlertsAsync(cancellationToken).ConfigureAwait(false);
        Compare("alerts", alertsA.Select(Canonical), alertsB.Select(Canonical), differences);
        return differences;
    }

    private static string Canonical<T>(T value) => Core.Events.EventJson.SerializeToString(value);

    private static void Compare(string what, IEnumerable<string> expected, IEnumerable<string> actual, List<string> differences)
    {
        var a = expected.ToArray();
        var b = actual.ToArray();
        if (a.Length != b.Length)
        {
            differences.Add($"{what}: {a.Length} rows live, {b.Length} in replay");
            return;
        }
        for (var i = 0; i < a.Length; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                differences.Add($"{what}: row {i + 1} differs: live {a[i]} / replay {b[i]}");
                return;
            }
        }
    }
}
