namespace StreamRisk.Core.Indexing;

/// <summary>
/// Event-time progress of a stateful stage: the latest day any accepted input was published on. Days older than
/// <c>watermark − allowedLateness</c> are closed: their values are final and inputs for them are too late.
/// Advancing per input (not per batch) makes the accept/reject decision independent of how inputs were batched.
/// </summary>
public sealed class EventTimeWatermark
{
    public EventTimeWatermark(int allowedLatenessDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(allowedLatenessDays);
        AllowedLatenessDays = allowedLatenessDays;
    }

    /// <summary>How many days behind the watermark a day stays open.</summary>
    public int AllowedLatenessDays { get; }

    /// <summary>Latest accepted day; null before any input.</summary>
    public DateOnly? Current { get; private set; }

    /// <summary>Oldest day still open (day number), or <see cref="int.MinValue"/> before any input.</summary>
    public int OpenFromDayNumber => Current is { } c ? c.DayNumber - AllowedLatenessDays : int.MinValue;

    /// <summary>Whether inputs for <paramref name="day"/> can no longer change it.</summary>
    public bool IsClosed(DateOnly day) => day.DayNumber < OpenFromDayNumber;

    /// <summary>Moves the watermark forward to <paramref name="day"/> if it is later.</summary>
    public void Advance(DateOnly day)
    {
        if (Current is not { } c || day > c)
        {
            Current = day;
        }
    }
}
