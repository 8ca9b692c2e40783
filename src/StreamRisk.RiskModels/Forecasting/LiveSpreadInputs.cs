using StreamRisk.Core.Events;
using StreamRisk.RiskModels.Data;

namespace StreamRisk.RiskModels.Forecasting;

/// <summary>
/// The live inputs of the spread forecaster, per issuer: spreads, daily index values (latest revision per day) and
/// statements as they arrive, in any order. <see cref="SeriesAsOf"/> builds the same rows <see cref="MarketSeriesBuilder"/>
/// builds offline, from the inputs dated on or before the day, so a served forecast sees what training saw.
/// </summary>
public sealed class LiveSpreadInputs(int window)
{
    // Rows need the spread before the window (for the first 1-day change); the index carries over from earlier days.
    private const int IndexLookbackDays = 60;
    private readonly Dictionary<string, SortedList<DateOnly, SpreadObservation>> _spreads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedList<DateOnly, DailySentiment>> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Fundamentals>> _statements = new(StringComparer.Ordinal);

    public void Add(SpreadObservation spread) => List(_spreads, spread.IssuerId)[spread.Day] = spread;

    public void Add(DailySentiment daily)
    {
        var list = List(_index, daily.IssuerId);
        if (!list.TryGetValue(daily.Day, out var held) || daily.Revision >= held.Revision) list[daily.Day] = daily;
    }

    public void Add(Fundamentals statement)
    {
        if (!_statements.TryGetValue(statement.IssuerId, out var list)) _statements[statement.IssuerId] = list = [];
        list.Add(statement);
    }

    /// <summary>Whether any daily index value of the issuer is held (a restarted stage loads its recent ones first).</summary>
    public bool HasIndex(string issuerId) => _index.ContainsKey(issuerId);

    /// <summary>The issuer's last <c>window</c> rows up to <paramref name="day"/>, or null when it has fewer spreads than that.</summary>
    public IssuerMarketSeries? SeriesAsOf(string issuerId, DateOnly day)
    {
        if (!_spreads.TryGetValue(issuerId, out var spreads)) return null;
        var last = LastAtOrBefore(spreads.Keys, day);
        if (last + 1 < window) return null;
        var first = Math.Max(0, last - window);
        var quotes = new List<SpreadObservation>(last - first + 1);
        for (var i = first; i <= last; i++) quotes.Add(spreads.Values[i]);
        var from = quotes[0].Day.AddDays(-IndexLookbackDays);
        var index = _index.TryGetValue(issuerId, out var daily)
            ? daily.Values.Where(d => d.Day >= from && d.Day <= day)
            : [];
        var statements = _statements.GetValueOrDefault(issuerId) ?? [];
        var built = MarketSeriesBuilder.Build(quotes, index, statements);
        var series = built[0];
        // The row before the window only supplies the first row's 1-day change.
        var skip = series.Length - window;
        return skip == 0 ? series : series with
        {
            Days = series.Days[skip..], SpreadBps = series.SpreadBps[skip..], Values = series.Values[skip..],
            IndexDays = series.IndexDays[skip..], StatementDays = series.StatementDays[skip..],
        };
    }

    private static SortedList<DateOnly, T> List<T>(Dictionary<string, SortedList<DateOnly, T>> map, string issuerId)
    {
        if (!map.TryGetValue(issuerId, out var list)) map[issuerId] = list = [];
        return list;
    }

    private static int LastAtOrBefore(IList<DateOnly> keys, DateOnly day)
    {
        int lo = 0, hi = keys.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (keys[mid] <= day)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found;
    }
}
