using StreamRisk.Core.Events;

namespace StreamRisk.RiskModels.Data;

/// <summary>
/// Aligns spreads, the daily index and fundamentals on each issuer's trading days, causally: a row for day t holds
/// only values dated ≤ t (index values for days ≤ t, statements published on or before t). A day's daily index value
/// is its latest revision; revisions come from texts published that day that arrived within the pipeline's allowed
/// lateness (3 days), so a row's index is the day's as-published value, which the live score sees at most 3 days later.
/// </summary>
public static class MarketSeriesBuilder
{
    public static IReadOnlyList<IssuerMarketSeries> Build(
        IEnumerable<SpreadObservation> spreads, IEnumerable<DailySentiment> dailyIndex, IEnumerable<Fundamentals> fundamentals)
    {
        var spreadsByIssuer = spreads.GroupBy(s => s.IssuerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(s => s.Day).Select(d => d.Last()).OrderBy(s => s.Day).ToList(), StringComparer.Ordinal);
        var indexByIssuer = dailyIndex.GroupBy(d => d.IssuerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key,
                g => g.GroupBy(d => d.Day).Select(d => d.MaxBy(x => x.Revision)!).OrderBy(d => d.Day).ToList(), StringComparer.Ordinal);
        var statementsByIssuer = fundamentals.GroupBy(f => f.IssuerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(f => f.PublishedAt).ThenBy(f => f.PeriodEnd).ToList(), StringComparer.Ordinal);

        var result = new List<IssuerMarketSeries>(spreadsByIssuer.Count);
        foreach (var (issuerId, quotes) in spreadsByIssuer.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            result.Add(BuildOne(issuerId, quotes,
                indexByIssuer.GetValueOrDefault(issuerId) ?? [],
                statementsByIssuer.GetValueOrDefault(issuerId) ?? []));
        }
        return result;
    }

    private static IssuerMarketSeries BuildOne(string issuerId, List<SpreadObservation> quotes, List<DailySentiment> index, List<Fundamentals> statements)
    {
        var n = quotes.Count;
        var days = new DateOnly[n];
        var spread = new double[n];
        var values = new double[n][];
        var indexDays = new DateOnly?[n];
        var statementDays = new DateOnly?[n];
        int nextIndex = 0, nextStatement = 0;
        DailySentiment? currentIndex = null;
        Fundamentals? currentStatement = null;
        double previousLog = double.NaN;
        for (var t = 0; t < n; t++)
        {
            var day = quotes[t].Day;
            // Walk both sources forward to the last item dated ≤ day: nothing later is ever read.
            while (nextIndex < index.Count && index[nextIndex].Day <= day) currentIndex = index[nextIndex++];
            while (nextStatement < statements.Count && DateOnly.FromDateTime(statements[nextStatement].PublishedAt.UtcDateTime) <= day)
            {
                currentStatement = statements[nextStatement++];
            }

            var s = Math.Max(quotes[t].SpreadBps, 0.01);
            var log = Math.Log(s);
            // The firm and meso scores are the day's own (0 on a day without texts); the smoothed index carries over.
            var sameDay = currentIndex is not null && currentIndex.Day == day;
            var row = new double[SpreadFeatures.All.Count];
            row[0] = log;
            row[1] = double.IsNaN(previousLog) ? 0 : log - previousLog;
            row[2] = currentIndex?.Smoothed ?? 0;
            row[3] = sameDay ? currentIndex!.FirmScore ?? 0 : 0;
            row[4] = sameDay ? currentIndex!.MesoScore ?? 0 : 0;
            row[5] = sameDay ? currentIndex!.Composite : 0;
            row[6] = Indicator(currentStatement, "debt_to_assets") ?? 0.5;
            row[7] = Indicator(currentStatement, "interest_coverage") is { } ic ? Math.Log(Math.Clamp(ic, 0.1, 100)) : Math.Log(3);
            days[t] = day;
            spread[t] = s;
            values[t] = row;
            indexDays[t] = currentIndex?.Day;
            statementDays[t] = currentStatement?.PeriodEnd;
            previousLog = log;
        }
        return new IssuerMarketSeries(issuerId, days, spread, values, indexDays, statementDays);
    }

    private static double? Indicator(Fundamentals? statement, string name) =>
        statement is not null && statement.Indicators.TryGetValue(name, out var v) && double.IsFinite(v) ? v : null;
}
