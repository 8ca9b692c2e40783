using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using StreamRisk.Core.Events;

namespace StreamRisk.Core.Indexing;

/// <summary>
/// Folds firm-level texts and meso scores into each issuer's daily sentiment index, by event-time UTC day.
/// </summary>
/// <remarks>
/// <para>Per issuer and day: firm score = mean of the day's text scores (each <see cref="FirmSentiment.EventId"/>
/// counted once, summed exactly so arrival order never changes the bits); composite per
/// <see cref="DailyAggregatorOptions"/>; smoothed = <see cref="CausalWaveletSmoother"/> over the composite grid,
/// where days without input are 0 and the grid starts at the issuer's first day. Days between an issuer's latest day
/// and a new one are zero-filled and emitted too (revision 0), so consumers see every day of the grid.</para>
/// <para>Lateness: the watermark is the latest day accepted (across all issuers of this instance, i.e. of one
/// partition). Inputs for days before watermark − <see cref="DailyAggregatorOptions.AllowedLatenessDays"/> are
/// returned as <c>too_late</c>; a redelivered duplicate of such a day is indistinguishable and is returned too.
/// A late input within the lateness re-opens its day; the day and every later day whose value changes are
/// emitted again with revision + 1 (the smoothing is causal but not local).</para>
/// <para>Each <see cref="Apply"/> returns at most one value per (issuer, day), ordered by issuer id (ordinal) then day.
/// Not thread-safe: one instance per partition, called from one thread.</para>
/// </remarks>
public sealed class DailyAggregator
{
    private readonly DailyAggregatorOptions _options;
    private readonly CausalWaveletSmoother _smoother;
    private readonly EventTimeWatermark _watermark;
    private readonly Dictionary<string, IssuerDailyIndex> _issuers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _dirtyFrom = new(StringComparer.Ordinal);
    private readonly List<string> _dirtyOrder = [];
    private readonly List<int> _closedDays = [];

    public DailyAggregator(DailyAggregatorOptions? options = null, CausalWaveletSmoother? smoother = null)
    {
        _options = options ?? new DailyAggregatorOptions();
        if (!double.IsFinite(_options.FirmWeight) || !double.IsFinite(_options.MesoWeight))
        {
            throw new ArgumentException("weights must be finite", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(_options.TopDocCount, 1, nameof(options));
        _smoother = smoother ?? new CausalWaveletSmoother();
        _watermark = new EventTimeWatermark(_options.AllowedLatenessDays);
    }

    /// <summary>Latest event-time day accepted; null before any input.</summary>
    public DateOnly? Watermark => _watermark.Current;

    /// <summary>Issuers with state.</summary>
    public int IssuerCount => _issuers.Count;

    /// <summary>The daily grid of one issuer (read-only view; valid until the next <see cref="Apply"/>).</summary>
    public bool TryGetIssuer(string issuerId, [NotNullWhen(true)] out IssuerDailyIndex? index) =>
        _issuers.TryGetValue(issuerId, out index);

    /// <summary>Applies a batch of firm-level texts, then meso scores, in the given order.</summary>
    public DailyAggregation Apply(IReadOnlyList<FirmSentiment> texts, IReadOnlyList<IssuerMesoScore>? mesoScores = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        List<RejectedInput<FirmSentiment>>? rejectedTexts = null;
        List<RejectedInput<IssuerMesoScore>>? rejectedMeso = null;

        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i];
            var problem = Validate(text);
            var day = DateOnly.FromDateTime(text.PublishedAt.UtcDateTime);
            if (problem is null && _watermark.IsClosed(day))
            {
                (rejectedTexts ??= []).Add(new(text, RejectionReasons.TooLate, TooLateReason(day)));
                continue;
            }

            if (problem is not null)
            {
                (rejectedTexts ??= []).Add(new(text, RejectionReasons.Invalid, problem));
                continue;
            }

            _watermark.Advance(day);
            var open = OpenDay(text.IssuerId, day.DayNumber);
            if (!open.EventIds.Add(text.EventId))
            {
                continue;
            }

            open.FirmSum = open.FirmSum.Add(text.Score);
            open.FirmCount++;
            open.TopDocs.Offer(text.DocId, text.Score);
            MarkDirty(text.IssuerId, day.DayNumber);
        }

        if (mesoScores is not null)
        {
            for (var i = 0; i < mesoScores.Count; i++)
            {
                var meso = mesoScores[i];
                if (string.IsNullOrEmpty(meso.IssuerId) || meso.MesoScore is { } m && !double.IsFinite(m))
                {
                    (rejectedMeso ??= []).Add(new(meso, RejectionReasons.Invalid, "issuer id missing or meso score not finite"));
                    continue;
                }

                if (_watermark.IsClosed(meso.Day))
                {
                    (rejectedMeso ??= []).Add(new(meso, RejectionReasons.TooLate, TooLateReason(meso.Day)));
                    continue;
                }

                _watermark.Advance(meso.Day);
                var open = OpenDay(meso.IssuerId, meso.Day.DayNumber);
                if (open.Meso != meso.MesoScore)
                {
                    open.Meso = meso.MesoScore;
                    MarkDirty(meso.IssuerId, meso.Day.DayNumber);
                }
            }
        }

        var changed = EmitChanged();
        return new DailyAggregation(
            changed,
            (IReadOnlyList<RejectedInput<FirmSentiment>>?)rejectedTexts ?? [],
            (IReadOnlyList<RejectedInput<IssuerMesoScore>>?)rejectedMeso ?? []);
    }

    private static string? Validate(FirmSentiment text)
    {
        if (string.IsNullOrEmpty(text.EventId) || string.IsNullOrEmpty(text.IssuerId) || string.IsNullOrEmpty(text.DocId))
        {
            return "event id, issuer id and doc id are required";
        }

        return double.IsFinite(text.Score) && Math.Abs(text.Score) <= 1.0 + 1e-9
            ? null
            : $"score {text.Score.ToString(CultureInfo.InvariantCulture)} is outside [-1, 1]";
    }

    private string TooLateReason(DateOnly day) => string.Create(
        CultureInfo.InvariantCulture,
        $"day {day:yyyy-MM-dd} is closed: watermark {_watermark.Current:yyyy-MM-dd}, allowed lateness {_watermark.AllowedLatenessDays} days");

    private OpenIssuerDay OpenDay(string issuerId, int dayNumber)
    {
        if (!_issuers.TryGetValue(issuerId, out var index))
        {
            index = new IssuerDailyIndex(issuerId, dayNumber);
            _issuers.Add(issuerId, index);
        }

        if (index.Cover(dayNumber) is { } added)
        {
            for (var d = added.From; d <= added.To; d++)
            {
                index.OpenDays.Add(d, new OpenIssuerDay(_options.TopDocCount));
            }

            MarkDirty(issuerId, added.From);
        }

        return index.OpenDays[dayNumber];
    }

    private void MarkDirty(string issuerId, int dayNumber)
    {
        if (_dirtyFrom.TryGetValue(issuerId, out var from))
        {
            if (dayNumber < from)
            {
                _dirtyFrom[issuerId] = dayNumber;
            }
        }
        else
        {
            _dirtyFrom.Add(issuerId, dayNumber);
            _dirtyOrder.Add(issuerId);
        }
    }

    private List<DailySentiment> EmitChanged()
    {
        var changed = new List<DailySentiment>();
        _dirtyOrder.Sort(StringComparer.Ordinal);
        foreach (var issuerId in _dirtyOrder)
        {
            var index = _issuers[issuerId];
            Recompute(index, _dirtyFrom[issuerId], changed);
            PruneClosedDays(index);
        }

        _dirtyOrder.Clear();
        _dirtyFrom.Clear();
        return changed;
    }

    private void Recompute(IssuerDailyIndex index, int fromDayNumber, List<DailySentiment> changed)
    {
        var composite = index.CompositeMutable;
        var smoothed = index.SmoothedMutable;
        for (var i = fromDayNumber - index.FirstDayNumber; i < index.DayCount; i++)
        {
            var dayNumber = index.FirstDayNumber + i;
            if (!index.OpenDays.TryGetValue(dayNumber, out var open))
            {
                // Only days within the lateness can change, and every later day on the grid is later still.
                throw new InvalidOperationException($"day {DateOnly.FromDayNumber(dayNumber)} of {index.IssuerId} is closed but was asked to change");
            }

            var firm = open.FirmScore;
            composite[i] = (firm ?? 0) * _options.FirmWeight + (open.Meso ?? 0) * _options.MesoWeight;
            smoothed[i] = _smoother.SmoothAt(composite, i);

            var last = open.LastEmitted;
            if (last is not null
                && last.FirmScore == firm
                && last.FirmCount == open.FirmCount
                && last.MesoScore == open.Meso
                && last.Composite.Equals(composite[i])
                && last.Smoothed.Equals(smoothed[i])
                && open.TopDocs.SequenceEqual(last.TopDocIds))
            {
                continue;
            }

            var revision = last is null ? 0 : last.Revision + 1;
            var day = DateOnly.FromDayNumber(dayNumber);
            var value = new DailySentiment(
                string.Create(CultureInfo.InvariantCulture, $"{index.IssuerId}:{day:yyyy-MM-dd}:r{revision}"),
                index.IssuerId,
                day,
                revision,
                firm,
                open.FirmCount,
                open.Meso,
                composite[i],
                smoothed[i],
                open.TopDocs.ToArray());
            open.LastEmitted = value;
            changed.Add(value);
        }
    }

    private void PruneClosedDays(IssuerDailyIndex index)
    {
        var openFrom = _watermark.OpenFromDayNumber;
        foreach (var dayNumber in index.OpenDays.Keys)
        {
            if (dayNumber < openFrom)
            {
                _closedDays.Add(dayNumber);
            }
        }

        foreach (var dayNumber in _closedDays)
        {
            index.OpenDays.Remove(dayNumber);
        }

        _closedDays.Clear();
    }
}
