using System.Globalization;
using StreamRisk.Core.Events;

namespace StreamRisk.Core.Indexing;

/// <summary>
/// The meso level of MulFSA: industry sentiment per day, z-scored causally, and mapped to issuers.
/// </summary>
/// <remarks>
/// <para>Industry day value = Σ w·s / Σ |w| over that day's texts (w = <see cref="IndustrySentiment.Weight"/>, whose sign
/// carries the direction of a topic's effect, so a negatively linked topic flips the text's contribution; with all
/// weights positive it is the plain weighted mean). Sums are exact (<see cref="FixedPointSum"/>).
/// Then a <see cref="CausalZScore"/> over the industry's days with data puts industries with different news tone on one scale.</para>
/// <para>Issuer meso score for a day = mean of the z-scores of the issuer's industries that had data that day; none: null.
/// An industry day's issuers get their meso scores once the stream is <see cref="IndustryIndexOptions.MesoReleaseDays"/>
/// past it, and again on every later change of it (a late text, a z-score moved by one): until then its changes wait
/// (<see cref="PendingDayCount"/>), so the many batches that carry one day's industry texts revise each issuer of the
/// industry once, not once per batch. Which days have been released depends on the watermarks alone, so the final
/// meso scores do not depend on batching either.</para>
/// <para>Idempotency by EventId, lateness by each text's ingest stamp (<see cref="IndustrySentiment.Watermark"/>; without
/// one, this instance's own watermark), pruning after <see cref="IndustryIndexOptions.PruneMarginDays"/> and
/// <c>day_pruned</c> rejections as in <see cref="DailyAggregator"/>.
/// Not thread-safe: one instance per partition, called from one thread.</para>
/// </remarks>
public sealed class IndustryDailyIndex
{
    private readonly IndustryIndexOptions _options;
    private readonly CausalZScore _zScore;
    private readonly EventTimeWatermark _watermark;
    private readonly Dictionary<string, IndustrySeries> _industries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _industriesOfIssuer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _issuersOfIndustry = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _dirtyFrom = new(StringComparer.Ordinal);
    private readonly HashSet<(string IndustryId, int DayNumber)> _pending = [];

    /// <param name="issuerIndustries">issuer id → its industry ids (e.g. from <c>Issuer.IndustryIds</c>).</param>
    public IndustryDailyIndex(IReadOnlyDictionary<string, IReadOnlyList<string>> issuerIndustries, IndustryIndexOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(issuerIndustries);
        _options = options ?? new IndustryIndexOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MesoReleaseDays, nameof(options));
        _zScore = new CausalZScore(_options.ZScoreWindowDays, _options.ZScoreMinCount);
        _watermark = new EventTimeWatermark(_options.AllowedLatenessDays, _options.PruneMarginDays);

        var members = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (issuerId, industryIds) in issuerIndustries)
        {
            var distinct = industryIds.Distinct(StringComparer.Ordinal).ToArray();
            _industriesOfIssuer[issuerId] = distinct;
            foreach (var industryId in distinct)
            {
                if (!members.TryGetValue(industryId, out var set))
                {
                    members[industryId] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(issuerId);
            }
        }

        foreach (var (industryId, set) in members)
        {
            _issuersOfIndustry[industryId] = [.. set];
        }
    }

    /// <summary>This instance's own watermark: the latest effective ingest stamp applied; null before any input.</summary>
    public DateOnly? Watermark => _watermark.Current;

    /// <summary>Causal z-score of an industry on a day; null when it had no data that day.</summary>
    public double? IndustryZScore(string industryId, DateOnly day) =>
        _industries.TryGetValue(industryId, out var series) && series.ZOn(day.DayNumber) is var z && !double.IsNaN(z) ? z : null;

    /// <summary>Meso score of an issuer on a day: mean z-score of its industries with data that day; null if none.</summary>
    public double? MesoScore(string issuerId, DateOnly day)
    {
        if (!_industriesOfIssuer.TryGetValue(issuerId, out var industryIds))
        {
            return null;
        }

        double sum = 0;
        var count = 0;
        foreach (var industryId in industryIds)
        {
            if (IndustryZScore(industryId, day) is { } z)
            {
                sum += z;
                count++;
            }
        }

        return count == 0 ? null : sum / count;
    }

    /// <summary>Industry days changed but not yet sent to their issuers (the stream is not
    /// <see cref="IndustryIndexOptions.MesoReleaseDays"/> past them yet).</summary>
    public int PendingDayCount => _pending.Count;

    /// <summary>Applies a batch of industry texts in the given order, then sends the issuers the meso scores of the
    /// changed industry days that the stream is <see cref="IndustryIndexOptions.MesoReleaseDays"/> past.</summary>
    /// <param name="streamWatermark">How far the rest of the caller's input has reached once this batch is applied
    /// (<see cref="DailyAggregator.WatermarkAfter"/> of the firm-level texts that go with it), so that a quiet industry
    /// is released as the stream moves on; the later of it and this index's own <see cref="Watermark"/> decides. Both
    /// count only texts that are applied, so the days released by the end are a function of the set of texts applied,
    /// which a rebuilt instance (replaying its inbox in other batches) reaches again.</param>
    public IndustryIndexUpdate Apply(IReadOnlyList<IndustrySentiment> texts, DateOnly? streamWatermark = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        List<RejectedInput<IndustrySentiment>>? rejected = null;
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i];
            var day = DateOnly.FromDateTime(text.PublishedAt.UtcDateTime);
            if (string.IsNullOrEmpty(text.EventId) || string.IsNullOrEmpty(text.IndustryId)
                || !double.IsFinite(text.Score) || Math.Abs(text.Score) > 1.0 + 1e-9
                || !double.IsFinite(text.Weight) || Math.Abs(text.Weight) > 1e6)
            {
                (rejected ??= []).Add(new(text, RejectionReasons.Invalid, "event id and industry id are required; score must be in [-1, 1] and weight finite"));
                continue;
            }

            var stamp = _watermark.EffectiveStamp(day, text.Watermark);
            if (_watermark.IsTooLate(day, stamp))
            {
                (rejected ??= []).Add(new(text, RejectionReasons.TooLate, string.Create(
                    CultureInfo.InvariantCulture,
                    $"day {day:yyyy-MM-dd} is too late: {(text.Watermark is null ? "watermark (text carries no ingest watermark)" : "ingest watermark")} {stamp:yyyy-MM-dd}, allowed lateness {_watermark.AllowedLatenessDays} days")));
                continue;
            }

            if (_watermark.IsPruned(day) && !Holds(text.IndustryId, day))
            {
                (rejected ??= []).Add(new(text, RejectionReasons.DayPruned, DailyAggregator.DayPruned(day, _watermark)));
                continue;
            }

            _watermark.Advance(stamp);
            var open = OpenDay(text.IndustryId, day.DayNumber);
            if (!open.EventIds.Add(text.EventId))
            {
                continue;
            }

            open.WeightedScore = open.WeightedScore.Add(text.Weight * text.Score);
            open.TotalWeight = open.TotalWeight.Add(Math.Abs(text.Weight));
            open.TextCount++;
            MarkDirty(text.IndustryId, day.DayNumber);
        }

        var changed = new List<IndustryDailyValue>();
        var dirtyIndustries = _dirtyFrom.Keys.ToArray();
        Array.Sort(dirtyIndustries, StringComparer.Ordinal);
        foreach (var industryId in dirtyIndustries)
        {
            Recompute(_industries[industryId], _dirtyFrom[industryId], changed);
        }

        _dirtyFrom.Clear();
        foreach (var value in changed)
        {
            _pending.Add((value.IndustryId, value.Day.DayNumber));
        }

        return new IndustryIndexUpdate(changed, MesoScoresFor(Release(streamWatermark)), (IReadOnlyList<RejectedInput<IndustrySentiment>>?)rejected ?? []);
    }

    /// <summary>Takes the pending industry days the stream is far enough past out of <see cref="_pending"/>.</summary>
    private List<(string IndustryId, int DayNumber)> Release(DateOnly? streamWatermark)
    {
        var released = new List<(string, int)>();
        var own = _watermark.Current;
        if (_pending.Count == 0 || (own ?? streamWatermark) is not { } first)
        {
            return released;
        }

        var reached = streamWatermark is { } w && w > first ? w : first;
        var lastReleased = reached.DayNumber - _options.MesoReleaseDays;
        foreach (var key in _pending)
        {
            if (key.DayNumber <= lastReleased)
            {
                released.Add(key);
            }
        }

        foreach (var key in released)
        {
            _pending.Remove(key);
        }

        return released;
    }

    /// <summary>Whether the state of (industry, day) is in memory.</summary>
    public bool Holds(string industryId, DateOnly day) =>
        _industries.TryGetValue(industryId, out var series) && series.OpenDays.ContainsKey(day.DayNumber);

    /// <summary>The texts of a coming <see cref="Apply"/> that are on time by their stamps but whose days are pruned, or
    /// will be by the batch's latest stamp (see <see cref="DailyAggregator.NeedingReopen"/>).</summary>
    public IReadOnlyList<IndustrySentiment> NeedingReopen(IReadOnlyList<IndustrySentiment> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var latest = _watermark.Current;
        foreach (var text in texts)
        {
            var stamp = _watermark.EffectiveStamp(DateOnly.FromDateTime(text.PublishedAt.UtcDateTime), text.Watermark);
            latest = latest is { } l && l >= stamp ? l : stamp;
        }
        if (latest is not { } end)
        {
            return [];
        }
        var keptFrom = end.DayNumber - _watermark.AllowedLatenessDays - _watermark.PruneMarginDays;
        return texts.Where(t =>
        {
            var day = DateOnly.FromDateTime(t.PublishedAt.UtcDateTime);
            return !string.IsNullOrEmpty(t.IndustryId) && day.DayNumber < keptFrom
                && !_watermark.IsTooLate(day, _watermark.EffectiveStamp(day, t.Watermark)) && !Holds(t.IndustryId, day);
        }).ToList();
    }

    /// <summary>
    /// Brings back the state of <paramref name="industryId"/>'s days from <paramref name="fromDay"/> on from every
    /// text applied to them (<paramref name="appliedTexts"/>, as the store holds them), covering at least
    /// <paramref name="fromDay"/> … <paramref name="toDay"/>. Days still in memory are kept.
    /// </summary>
    public void Reopen(string industryId, DateOnly fromDay, DateOnly toDay, IReadOnlyList<IndustrySentiment> appliedTexts)
    {
        ArgumentException.ThrowIfNullOrEmpty(industryId);
        if (!_industries.TryGetValue(industryId, out var series))
        {
            series = new IndustrySeries(industryId, fromDay.DayNumber);
            _industries.Add(industryId, series);
        }

        foreach (var end in new[] { fromDay.DayNumber, toDay.DayNumber })
        {
            if (series.Cover(end) is { } added)
            {
                for (var d = added.From; d <= added.To; d++)
                {
                    series.OpenDays.TryAdd(d, new OpenIndustryDay());
                }
            }
        }

        var texts = appliedTexts.Where(t => t.IndustryId == industryId).ToLookup(t => DateOnly.FromDateTime(t.PublishedAt.UtcDateTime).DayNumber);
        var lastDay = series.FirstDayNumber + series.DayCount - 1;
        for (var d = Math.Max(fromDay.DayNumber, series.FirstDayNumber); d <= lastDay; d++)
        {
            if (series.OpenDays.ContainsKey(d))
            {
                continue;
            }

            var open = new OpenIndustryDay();
            foreach (var text in texts[d])
            {
                if (open.EventIds.Add(text.EventId))
                {
                    open.WeightedScore = open.WeightedScore.Add(text.Weight * text.Score);
                    open.TotalWeight = open.TotalWeight.Add(Math.Abs(text.Weight));
                    open.TextCount++;
                }
            }

            // What was last computed for the day is what the arrays still hold; a recomputation that finds the same
            // value emits nothing.
            var i = d - series.FirstDayNumber;
            if (!double.IsNaN(series.Mean[i]))
            {
                open.LastEmitted = new IndustryDailyValue(industryId, DateOnly.FromDayNumber(d), 0, series.Mean[i], open.TextCount, series.Z[i]);
            }

            series.OpenDays.Add(d, open);
        }
    }

    private OpenIndustryDay OpenDay(string industryId, int dayNumber)
    {
        if (!_industries.TryGetValue(industryId, out var series))
        {
            series = new IndustrySeries(industryId, dayNumber);
            _industries.Add(industryId, series);
        }

        if (series.Cover(dayNumber) is { } added)
        {
            // Days already pruned get no state: no text can reach them any more, and they have no data (NaN).
            for (var d = Math.Max(added.From, _watermark.KeptFromDayNumber); d <= added.To; d++)
            {
                series.OpenDays.Add(d, new OpenIndustryDay());
            }
        }

        return series.OpenDays[dayNumber];
    }

    private void MarkDirty(string industryId, int dayNumber)
    {
        if (!_dirtyFrom.TryGetValue(industryId, out var from) || dayNumber < from)
        {
            _dirtyFrom[industryId] = dayNumber;
        }
    }

    private void Recompute(IndustrySeries series, int fromDayNumber, List<IndustryDailyValue> changed)
    {
        var mean = series.Mean;
        var z = series.Z;
        for (var i = fromDayNumber - series.FirstDayNumber; i < series.DayCount; i++)
        {
            var dayNumber = series.FirstDayNumber + i;
            if (series.OpenDays.TryGetValue(dayNumber, out var open))
            {
                mean[i] = open.WeightedMean;
            }

            z[i] = _zScore.At(mean, i);
            if (open is null || double.IsNaN(mean[i]))
            {
                continue;
            }

            var last = open.LastEmitted;
            if (last is not null && last.WeightedMean.Equals(mean[i]) && last.ZScore.Equals(z[i]) && last.TextCount == open.TextCount)
            {
                continue;
            }

            var value = new IndustryDailyValue(series.IndustryId, DateOnly.FromDayNumber(dayNumber), last is null ? 0 : last.Revision + 1, mean[i], open.TextCount, z[i]);
            open.LastEmitted = value;
            changed.Add(value);
        }

        var keptFrom = _watermark.KeptFromDayNumber;
        foreach (var dayNumber in series.OpenDays.Keys.Where(d => d < keptFrom).ToArray())
        {
            series.OpenDays.Remove(dayNumber);
        }
    }

    private List<IssuerMesoScore> MesoScoresFor(List<(string IndustryId, int DayNumber)> industryDays)
    {
        var keys = new SortedSet<(string IssuerId, int DayNumber)>(IssuerDayComparer.Instance);
        foreach (var (industryId, dayNumber) in industryDays)
        {
            if (_issuersOfIndustry.TryGetValue(industryId, out var issuers))
            {
                foreach (var issuerId in issuers)
                {
                    keys.Add((issuerId, dayNumber));
                }
            }
        }

        var scores = new List<IssuerMesoScore>(keys.Count);
        foreach (var (issuerId, dayNumber) in keys)
        {
            var day = DateOnly.FromDayNumber(dayNumber);
            scores.Add(new IssuerMesoScore(issuerId, day, MesoScore(issuerId, day)));
        }

        return scores;
    }

    private sealed class IssuerDayComparer : IComparer<(string IssuerId, int DayNumber)>
    {
        public static readonly IssuerDayComparer Instance = new();

        public int Compare((string IssuerId, int DayNumber) x, (string IssuerId, int DayNumber) y)
        {
            var byIssuer = string.CompareOrdinal(x.IssuerId, y.IssuerId);
            return byIssuer != 0 ? byIssuer : x.DayNumber.CompareTo(y.DayNumber);
        }
    }
}
