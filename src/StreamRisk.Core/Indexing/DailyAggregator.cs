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
/// <para>Lateness (<see cref="EventTimeWatermark"/>): a text is <c>too_late</c> iff its day is before its ingest stamp
/// (<see cref="FirmSentiment.Watermark"/>) − <see cref="DailyAggregatorOptions.AllowedLatenessDays"/>, whatever else
/// this instance has seen, so which texts count does not depend on how partitions interleave or inputs are batched,
/// and a rebuilt instance re-judges them alike. A text without a stamp (older producers) is judged against
/// max(<see cref="Watermark"/>, its day), as before stamps. A late text within the lateness re-opens its day; the day
/// and every later day whose value changes are emitted again with revision + 1 (the smoothing is causal but not local).
/// Given the same set of texts and meso scores, and no pruned day asked to change, the final values per (issuer, day)
/// are the same in any order and batching (revisions aside).</para>
/// <para>State: this instance's own <see cref="Watermark"/> is the latest effective stamp (and meso day) applied.
/// An issuer-day's full state is kept until its day is older than <see cref="Watermark"/> −
/// <see cref="DailyAggregatorOptions.AllowedLatenessDays"/> − <see cref="DailyAggregatorOptions.PruneMarginDays"/>; a
/// text on time by its stamp for a pruned day is returned as <c>day_pruned</c> and a meso score for one as
/// <c>too_late</c>.</para>
/// <para>Spill-over (with a <see cref="SpilloverMap"/>): composite = own + Σ over the related issuers within reach of
/// weight × their own composite that day, where own = FirmWeight · firm + MesoWeight · meso. Only own values spill,
/// so a shock travels along the reach paths alone and never echoes back. A related issuer's input marks the reached
/// issuers' days dirty too, growing their grids to cover the days of the source's own inputs (an issuer with no news of
/// its own then gets days of spill-over only): an issuer's grid runs from the first to the last day of its own and its
/// sources' own inputs, whatever order they arrive in. A reached day this instance has pruned is left as it is: the aggregate stage reopens the reached
/// issuers' days along with the source's (<see cref="SpillTargetsOf"/>).</para>
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
    private readonly List<int> _prunedDays = [];
    private readonly SpilloverMap? _spillover;
    private readonly List<SpilloverContribution> _contributions = [];

    /// <param name="spillover">Who spills over to whom; null or empty: no spill-over (composite = own).</param>
    public DailyAggregator(DailyAggregatorOptions? options = null, CausalWaveletSmoother? smoother = null, SpilloverMap? spillover = null)
    {
        _options = options ?? new DailyAggregatorOptions();
        _spillover = spillover is { IssuerCount: > 0 } ? spillover : null;
        if (!double.IsFinite(_options.FirmWeight) || !double.IsFinite(_options.MesoWeight))
        {
            throw new ArgumentException("weights must be finite", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(_options.TopDocCount, 1, nameof(options));
        _smoother = smoother ?? new CausalWaveletSmoother();
        _watermark = new EventTimeWatermark(_options.AllowedLatenessDays, _options.PruneMarginDays);
    }

    /// <summary>This instance's own watermark: the latest effective ingest stamp (or meso day) applied; null before any
    /// input. It decides only how long state is kept, and the lateness of texts that carry no stamp.</summary>
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
            if (Validate(text) is { } problem)
            {
                (rejectedTexts ??= []).Add(new(text, RejectionReasons.Invalid, problem));
                continue;
            }

            var day = DateOnly.FromDateTime(text.PublishedAt.UtcDateTime);
            var stamp = _watermark.EffectiveStamp(day, text.Watermark);
            if (_watermark.IsTooLate(day, stamp))
            {
                (rejectedTexts ??= []).Add(new(text, RejectionReasons.TooLate, TooLateReason(day, stamp, text.Watermark is not null)));
                continue;
            }

            if (_watermark.IsPruned(day) && !Holds(text.IssuerId, day))
            {
                (rejectedTexts ??= []).Add(new(text, RejectionReasons.DayPruned, DayPrunedReason(day)));
                continue;
            }

            _watermark.Advance(stamp);
            var open = OpenDay(text.IssuerId, day.DayNumber);
            _issuers[text.IssuerId].NoteOwnInput(day.DayNumber);
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

                if (_watermark.IsPruned(meso.Day) && !Holds(meso.IssuerId, meso.Day))
                {
                    (rejectedMeso ??= []).Add(new(meso, RejectionReasons.TooLate, string.Create(
                        CultureInfo.InvariantCulture,
                        $"day {meso.Day:yyyy-MM-dd} of {meso.IssuerId} is pruned: watermark {_watermark.Current:yyyy-MM-dd}, state kept for {_watermark.AllowedLatenessDays} + {_watermark.PruneMarginDays} days")));
                    continue;
                }

                _watermark.Advance(meso.Day);
                var open = OpenDay(meso.IssuerId, meso.Day.DayNumber);
                _issuers[meso.IssuerId].NoteOwnInput(meso.Day.DayNumber);
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

    /// <summary>Whether the state of (issuer, day) is in memory.</summary>
    public bool Holds(string issuerId, DateOnly day) =>
        _issuers.TryGetValue(issuerId, out var index) && index.OpenDays.ContainsKey(day.DayNumber);

    /// <summary>
    /// This instance's <see cref="Watermark"/> once <paramref name="texts"/> are applied: the latest effective stamp of
    /// those that will count (valid and not too late; a text for a pruned day counts, as the aggregate stage reopens its
    /// day first). What the industry index releases meso scores by (<see cref="IndustryDailyIndex.Apply"/>).
    /// </summary>
    public DateOnly? WatermarkAfter(IReadOnlyList<FirmSentiment> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var latest = _watermark.Current;
        foreach (var text in texts)
        {
            if (Validate(text) is not null)
            {
                continue;
            }

            var day = DateOnly.FromDateTime(text.PublishedAt.UtcDateTime);
            var stamp = _watermark.EffectiveStamp(day, text.Watermark);
            if (!_watermark.IsTooLate(day, stamp) && (latest is not { } l || stamp > l))
            {
                latest = stamp;
            }
        }

        return latest;
    }

    /// <summary>The issuers whose days an input for <paramref name="issuerId"/> also changes (spill-over); empty without.</summary>
    public IEnumerable<string> SpillTargetsOf(string issuerId) =>
        _spillover is null ? [] : _spillover.TargetsOf(issuerId).Select(r => r.IssuerId);

    /// <summary>
    /// The inputs of a coming <see cref="Apply"/> that are on time by their stamps but whose days this instance has
    /// pruned, or will have pruned by the time the batch's latest stamp advances its watermark: their days must be
    /// brought back with <see cref="Reopen"/> first, or they would be refused as <see cref="RejectionReasons.DayPruned"/>.
    /// Pruning only bounds memory; the store keeps what a pruned day held.
    /// </summary>
    public (IReadOnlyList<FirmSentiment> Texts, IReadOnlyList<IssuerMesoScore> Meso) NeedingReopen(
        IReadOnlyList<FirmSentiment> texts, IReadOnlyList<IssuerMesoScore>? mesoScores = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var latest = _watermark.Current;
        foreach (var text in texts)
        {
            if (Validate(text) is null)
            {
                var stamp = _watermark.EffectiveStamp(DateOnly.FromDateTime(text.PublishedAt.UtcDateTime), text.Watermark);
                latest = latest is { } l && l >= stamp ? l : stamp;
            }
        }
        foreach (var meso in mesoScores ?? [])
        {
            latest = latest is { } l && l >= meso.Day ? l : meso.Day;
        }
        if (latest is not { } end)
        {
            return ([], []);
        }
        var keptFrom = end.DayNumber - _watermark.AllowedLatenessDays - _watermark.PruneMarginDays;
        var textsToReopen = new List<FirmSentiment>();
        foreach (var text in texts)
        {
            var day = DateOnly.FromDateTime(text.PublishedAt.UtcDateTime);
            if (Validate(text) is null && day.DayNumber < keptFrom && !_watermark.IsTooLate(day, _watermark.EffectiveStamp(day, text.Watermark))
                && !Holds(text.IssuerId, day))
            {
                textsToReopen.Add(text);
            }
        }
        var mesoToReopen = (mesoScores ?? []).Where(m => !string.IsNullOrEmpty(m.IssuerId) && m.Day.DayNumber < keptFrom && !Holds(m.IssuerId, m.Day)).ToList();
        return (textsToReopen, mesoToReopen);
    }

    /// <summary>
    /// Takes values emitted before (by an instance that stopped, as the store holds them) as the last emission of the
    /// days still in memory, when their revision is at least the one held. A rebuilt instance reaches the same values in
    /// fewer revisions than the live one did (it replays per document, not per batch); without this its next value for
    /// a day could carry a revision the store already has, and the store keeps the higher one.
    /// </summary>
    public void AdoptEmitted(IEnumerable<DailySentiment> emitted)
    {
        ArgumentNullException.ThrowIfNull(emitted);
        foreach (var value in emitted)
        {
            if (_issuers.TryGetValue(value.IssuerId, out var index) && index.OpenDays.TryGetValue(value.Day.DayNumber, out var open)
                && (open.LastEmitted is null || open.LastEmitted.Revision <= value.Revision))
            {
                open.LastEmitted = value;
            }
        }
    }

    /// <summary>
    /// Brings back the state of <paramref name="issuerId"/>'s days from <paramref name="fromDay"/> on, as the store
    /// holds it: <paramref name="storedDays"/> (the latest value emitted for each day: meso score, last emission) and
    /// <paramref name="appliedTexts"/> (every text applied to those days: count, exact sum, top documents, ids for
    /// de-duplication). Days still in memory are kept as they are. The grid is extended to cover
    /// <paramref name="fromDay"/> … <paramref name="toDay"/> (new days are zero and emitted, as a live text would do).
    /// </summary>
    public void Reopen(string issuerId, DateOnly fromDay, DateOnly toDay, IReadOnlyList<DailySentiment> storedDays, IReadOnlyList<FirmSentiment> appliedTexts)
    {
        ArgumentException.ThrowIfNullOrEmpty(issuerId);
        if (!_issuers.TryGetValue(issuerId, out var index) || fromDay.DayNumber < index.FirstDayNumber)
        {
            OpenDay(issuerId, fromDay.DayNumber);
            index = _issuers[issuerId];
        }

        if (toDay.DayNumber > index.FirstDayNumber + index.DayCount - 1)
        {
            OpenDay(issuerId, toDay.DayNumber);
        }

        var stored = storedDays.Where(d => d.IssuerId == issuerId).ToDictionary(d => d.Day.DayNumber);
        var texts = appliedTexts.Where(t => t.IssuerId == issuerId).ToLookup(t => DateOnly.FromDateTime(t.PublishedAt.UtcDateTime).DayNumber);
        var lastDay = index.FirstDayNumber + index.DayCount - 1;
        for (var d = Math.Max(fromDay.DayNumber, index.FirstDayNumber); d <= lastDay; d++)
        {
            if (index.OpenDays.ContainsKey(d))
            {
                continue;
            }

            var open = new OpenIssuerDay(_options.TopDocCount);
            if (stored.TryGetValue(d, out var row))
            {
                open.Meso = row.MesoScore;
                open.LastEmitted = row;
            }

            foreach (var text in texts[d])
            {
                if (open.EventIds.Add(text.EventId))
                {
                    open.FirmSum = open.FirmSum.Add(text.Score);
                    open.FirmCount++;
                    open.TopDocs.Offer(text.DocId, text.Score);
                }
            }

            index.OpenDays.Add(d, open);
        }
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

    private string TooLateReason(DateOnly day, DateOnly stamp, bool stamped) => string.Create(
        CultureInfo.InvariantCulture,
        $"day {day:yyyy-MM-dd} is too late: {(stamped ? "ingest watermark" : "watermark (text carries no ingest watermark)")} {stamp:yyyy-MM-dd}, allowed lateness {_watermark.AllowedLatenessDays} days");

    private string DayPrunedReason(DateOnly day) => DayPruned(day, _watermark);

    /// <summary>Why an on-time text for a pruned day could not be applied (shared with <see cref="IndustryDailyIndex"/>).</summary>
    internal static string DayPruned(DateOnly day, EventTimeWatermark watermark) => string.Create(
        CultureInfo.InvariantCulture,
        $"day {day:yyyy-MM-dd} is within the allowed lateness of the text's ingest watermark, but its state was pruned "
        + $"(this stage's watermark {watermark.Current:yyyy-MM-dd}, state kept for allowed lateness {watermark.AllowedLatenessDays} "
        + $"+ PruneMarginDays {watermark.PruneMarginDays} days): the text is either a duplicate of one counted before the state "
        + $"was rebuilt, or was reordered more than PruneMarginDays behind other partitions' texts (raise PruneMarginDays)");

    private OpenIssuerDay OpenDay(string issuerId, int dayNumber)
    {
        if (!_issuers.TryGetValue(issuerId, out var index))
        {
            index = new IssuerDailyIndex(issuerId, dayNumber, tracksOwn: _spillover is not null);
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
        if (_spillover is not null)
        {
            SpreadToReachedIssuers();
        }

        var changed = new List<DailySentiment>();
        _dirtyOrder.Sort(StringComparer.Ordinal);
        foreach (var issuerId in _dirtyOrder)
        {
            var index = _issuers[issuerId];
            Recompute(index, _dirtyFrom[issuerId], changed);
            PruneDays(index);
        }

        _dirtyOrder.Clear();
        _dirtyFrom.Clear();
        return changed;
    }

    /// <summary>Marks the reached issuers' days from each changed source day on dirty, growing their grids to cover the
    /// span of the source's own inputs. Only inputs spread: reached issuers are not sources through this (own values
    /// spill, not spill).</summary>
    /// <remarks>The span, not the source's grid: a source's grid also grows when other issuers' news reaches it, and
    /// whether that happened before or after its own news would otherwise decide where its targets' grids begin (and
    /// with the start, the smoother's window over their first 256 days). Own values are zero outside the span, so
    /// nothing beyond it has anything to spill.</remarks>
    private void SpreadToReachedIssuers()
    {
        var sources = new (string IssuerId, int From)[_dirtyOrder.Count];
        for (var i = 0; i < sources.Length; i++)
        {
            sources[i] = (_dirtyOrder[i], _dirtyFrom[_dirtyOrder[i]]);
        }

        foreach (var (sourceId, from) in sources)
        {
            var source = _issuers[sourceId];
            if (source.OwnInputs is not var (ownFirst, ownLast))
            {
                continue;
            }

            foreach (var reach in _spillover!.TargetsOf(sourceId))
            {
                var target = Covering(reach.IssuerId, ownFirst);
                Covering(reach.IssuerId, ownLast);
                // Open days are a suffix of the grid (pruning takes the oldest, reopening restores up to the end).
                var first = from;
                if (!target.OpenDays.ContainsKey(first))
                {
                    first = int.MaxValue;
                    foreach (var day in target.OpenDays.Keys)
                    {
                        if (day >= from && day < first) first = day;
                    }
                }

                if (first != int.MaxValue)
                {
                    MarkDirty(reach.IssuerId, first);
                }
            }
        }
    }

    /// <summary>The issuer's grid, grown (new days open and dirty) to cover <paramref name="dayNumber"/>.</summary>
    private IssuerDailyIndex Covering(string issuerId, int dayNumber)
    {
        if (_issuers.TryGetValue(issuerId, out var index) && dayNumber >= index.FirstDayNumber && dayNumber < index.FirstDayNumber + index.DayCount)
        {
            return index;
        }

        OpenDay(issuerId, dayNumber);
        return _issuers[issuerId];
    }

    private double Own(OpenIssuerDay open) => (open.FirmScore ?? 0) * _options.FirmWeight + (open.Meso ?? 0) * _options.MesoWeight;

    /// <summary>An issuer's own composite on a day: from its open state (current within this Apply), else as last
    /// computed; 0 off its grid.</summary>
    private double OwnOf(string issuerId, int dayNumber)
    {
        if (!_issuers.TryGetValue(issuerId, out var index) || dayNumber < index.FirstDayNumber || dayNumber >= index.FirstDayNumber + index.DayCount)
        {
            return 0;
        }

        return index.OpenDays.TryGetValue(dayNumber, out var open) ? Own(open) : index.OwnMutable[dayNumber - index.FirstDayNumber];
    }

    /// <summary>Σ weight × own over the issuer's sources on a day; the largest contributions go to <see cref="_contributions"/>.</summary>
    private double? Spillover(string issuerId, int dayNumber)
    {
        _contributions.Clear();
        if (_spillover?.SourcesOf(issuerId) is not { } sources)
        {
            return null;
        }

        double sum = 0;
        var any = false;
        foreach (var source in sources)
        {
            var own = OwnOf(source.IssuerId, dayNumber);
            if (own == 0) continue;
            var contribution = source.Reach.Weight * own;
            sum += contribution;
            any = true;
            _contributions.Add(new SpilloverContribution(source.IssuerId, source.Reach.Path, source.Relations, source.Reach.Weight, contribution));
        }

        if (_contributions.Count > 1)
        {
            _contributions.Sort(static (a, b) => Math.Abs(b.Contribution).CompareTo(Math.Abs(a.Contribution)) is var bySize && bySize != 0
                ? bySize : string.CompareOrdinal(a.SourceIssuerId, b.SourceIssuerId));
            if (_contributions.Count > MaxContributionsShown)
            {
                _contributions.RemoveRange(MaxContributionsShown, _contributions.Count - MaxContributionsShown);
            }
        }

        return any ? sum : null;
    }

    /// <summary>How many spill-over contributions an event names (the largest).</summary>
    public const int MaxContributionsShown = 3;

    private void Recompute(IssuerDailyIndex index, int fromDayNumber, List<DailySentiment> changed)
    {
        var composite = index.CompositeMutable;
        var smoothed = index.SmoothedMutable;
        var ownValues = index.OwnMutable;
        for (var i = fromDayNumber - index.FirstDayNumber; i < index.DayCount; i++)
        {
            var dayNumber = index.FirstDayNumber + i;
            if (!index.OpenDays.TryGetValue(dayNumber, out var open))
            {
                // Unreachable: inputs for pruned days are rejected before they mark anything dirty, and every later day
                // on the grid is later still, so still kept.
                throw new InvalidOperationException($"day {DateOnly.FromDayNumber(dayNumber)} of {index.IssuerId} is pruned but was asked to change");
            }

            var firm = open.FirmScore;
            var own = Own(open);
            double? spill = null;
            if (_spillover is not null)
            {
                ownValues[i] = own;
                spill = Spillover(index.IssuerId, dayNumber);
            }

            composite[i] = own + (spill ?? 0);
            smoothed[i] = _smoother.SmoothAt(composite, i);

            var last = open.LastEmitted;
            if (last is not null
                && Nullable.Equals(last.SpilloverScore, spill)
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
                open.TopDocs.ToArray(),
                spill,
                spill is null ? null : _contributions.ToArray());
            open.LastEmitted = value;
            changed.Add(value);
        }
    }

    private void PruneDays(IssuerDailyIndex index)
    {
        var keptFrom = _watermark.KeptFromDayNumber;
        foreach (var dayNumber in index.OpenDays.Keys)
        {
            if (dayNumber < keptFrom)
            {
                _prunedDays.Add(dayNumber);
            }
        }

        foreach (var dayNumber in _prunedDays)
        {
            index.OpenDays.Remove(dayNumber);
        }

        _prunedDays.Clear();
    }
}
