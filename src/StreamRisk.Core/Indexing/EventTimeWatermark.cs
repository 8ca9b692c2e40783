namespace StreamRisk.Core.Indexing;

/// <summary>
/// Event-time lateness of a stateful stage's inputs, and how long their days' full state is kept.
/// </summary>
/// <remarks>
/// <para>An input is too late iff its day is older than <c>stamp − allowedLateness</c>, where the stamp is the ingest
/// watermark it carries (the day the accepted stream had reached, by quorum, when ingest accepted the input's document,
/// assigned once in arrival order; see <see cref="Ingest.IngestWatermark"/>). The verdict therefore depends on nothing this instance has seen, so it is the same
/// however partitions interleave and inputs are batched, and a rebuilt instance reaches it again. An input without a
/// stamp (older producers) takes <c>max(<see cref="Current"/>, its day)</c>: the verdict this stage gave before
/// stamps existed, which does depend on arrival order.</para>
/// <para><see cref="Current"/>, this instance's own watermark, is the latest effective stamp of the inputs it applied.
/// It only decides how long state is kept: days older than <c>Current − allowedLateness − pruneMargin</c> are pruned.
/// An input that is on time by its stamp but whose day is pruned cannot be applied
/// (<see cref="RejectionReasons.DayPruned"/>).</para>
/// </remarks>
public sealed class EventTimeWatermark
{
    public EventTimeWatermark(int allowedLatenessDays, int pruneMarginDays = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(allowedLatenessDays);
        ArgumentOutOfRangeException.ThrowIfNegative(pruneMarginDays);
        AllowedLatenessDays = allowedLatenessDays;
        PruneMarginDays = pruneMarginDays;
    }

    /// <summary>How many days behind its stamp an input's day may be.</summary>
    public int AllowedLatenessDays { get; }

    /// <summary>How many days beyond the allowed lateness a day's state is kept behind <see cref="Current"/>.</summary>
    public int PruneMarginDays { get; }

    /// <summary>Latest effective stamp applied; null before any input.</summary>
    public DateOnly? Current { get; private set; }

    /// <summary>Oldest day whose state is kept (day number), or <see cref="int.MinValue"/> before any input.</summary>
    public int KeptFromDayNumber => Current is { } c ? c.DayNumber - AllowedLatenessDays - PruneMarginDays : int.MinValue;

    /// <summary>The stamp an input for <paramref name="day"/> is judged by: its own <paramref name="stamp"/> (never
    /// earlier than its day), or, without one, the later of <see cref="Current"/> and its day.</summary>
    public DateOnly EffectiveStamp(DateOnly day, DateOnly? stamp)
    {
        var s = stamp ?? Current ?? day;
        return s > day ? s : day;
    }

    /// <summary>Whether an input for <paramref name="day"/> with effective stamp <paramref name="stamp"/> is too late.</summary>
    public bool IsTooLate(DateOnly day, DateOnly stamp) => day.DayNumber < stamp.DayNumber - AllowedLatenessDays;

    /// <summary>Whether the state of <paramref name="day"/> is (to be) pruned, so it can no longer change.</summary>
    public bool IsPruned(DateOnly day) => day.DayNumber < KeptFromDayNumber;

    /// <summary>Moves the watermark forward to <paramref name="stamp"/> if it is later.</summary>
    public void Advance(DateOnly stamp)
    {
        if (Current is not { } c || stamp > c)
        {
            Current = stamp;
        }
    }
}
