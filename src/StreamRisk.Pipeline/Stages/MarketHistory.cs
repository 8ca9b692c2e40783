using StreamRisk.Core.Events;

namespace StreamRisk.Pipeline.Stages;

/// <summary>
/// Spreads and fundamentals per issuer, looked up by event time: the latest spread on or before a day, the latest
/// statement published by the end of a day. Kept sorted so that arrival order does not change the answer.
/// </summary>
public sealed class MarketHistory
{
    private readonly Dictionary<string, SortedList<DateOnly, SpreadObservation>> _spreads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedList<(DateTimeOffset, DateOnly), Fundamentals>> _fundamentals = new(StringComparer.Ordinal);

    public void Add(SpreadObservation spread)
    {
        if (!_spreads.TryGetValue(spread.IssuerId, out var list))
        {
            _spreads[spread.IssuerId] = list = [];
        }
        list[spread.Day] = spread;
    }

    public void Add(Fundamentals fundamentals)
    {
        if (!_fundamentals.TryGetValue(fundamentals.IssuerId, out var list))
        {
            _fundamentals[fundamentals.IssuerId] = list = [];
        }
        list[(fundamentals.PublishedAt.ToUniversalTime(), fundamentals.PeriodEnd)] = fundamentals;
    }

    /// <summary>The days whose latest spread is <paramref name="spread"/> (once added): from its day up to the day
    /// before the next known spread, or open-ended (null) when there is none.</summary>
    public (DateOnly From, DateOnly? To) DaysUsing(SpreadObservation spread)
    {
        var list = _spreads[spread.IssuerId];
        var i = list.IndexOfKey(spread.Day);
        return (spread.Day, i + 1 < list.Count ? list.Keys[i + 1].AddDays(-1) : null);
    }

    /// <summary>The days whose latest statement is <paramref name="fundamentals"/> (once added): from the day it was
    /// published up to the day before the next statement was, or open-ended (null).</summary>
    public (DateOnly From, DateOnly? To) DaysUsing(Fundamentals fundamentals)
    {
        var list = _fundamentals[fundamentals.IssuerId];
        var i = list.IndexOfKey((fundamentals.PublishedAt.ToUniversalTime(), fundamentals.PeriodEnd));
        var from = DateOnly.FromDateTime(fundamentals.PublishedAt.UtcDateTime);
        return (from, i + 1 < list.Count ? DateOnly.FromDateTime(list.Keys[i + 1].Item1.UtcDateTime).AddDays(-1) : null);
    }

    /// <summary>Hands every spread and statement held to the given sinks (a trained model's own inputs start from them).</summary>
    public void CopyTo(Action<SpreadObservation> spreads, Action<Fundamentals> fundamentals)
    {
        foreach (var list in _spreads.Values) foreach (var s in list.Values) spreads(s);
        foreach (var list in _fundamentals.Values) foreach (var f in list.Values) fundamentals(f);
    }

    public SpreadObservation? LatestSpread(string issuerId, DateOnly day) =>
        _spreads.TryGetValue(issuerId, out var list) ? LastAtOrBefore(list, day, k => k) : null;

    public Fundamentals? LatestFundamentals(string issuerId, DateOnly day)
    {
        if (!_fundamentals.TryGetValue(issuerId, out var list))
        {
            return null;
        }
        var endOfDay = new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
        return LastAtOrBefore(list, endOfDay, k => k.Item1);
    }

    private static TValue? LastAtOrBefore<TKey, TValue, TBound>(SortedList<TKey, TValue> list, TBound bound, Func<TKey, TBound> project)
        where TKey : notnull where TValue : class where TBound : IComparable<TBound>
    {
        var keys = list.Keys;
        int lo = 0, hi = keys.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (project(keys[mid]).CompareTo(bound) <= 0)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found < 0 ? null : list.Values[found];
    }
}
