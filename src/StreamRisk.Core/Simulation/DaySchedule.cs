namespace StreamRisk.Core.Simulation;

/// <summary>
/// Items due on future days, in a ring of per-day lists: memory is bounded by what is pending, not by the length of the
/// run. Items due on the same day come back in the order they were scheduled.
/// </summary>
public sealed class DaySchedule<T>
{
    private readonly List<T>[] _slots;
    private int _today;

    /// <param name="horizonDays">Furthest ahead an item may be scheduled.</param>
    public DaySchedule(int horizonDays)
    {
        _slots = new List<T>[horizonDays + 1];
        for (var i = 0; i < _slots.Length; i++) _slots[i] = [];
    }

    public int HorizonDays => _slots.Length - 1;

    /// <summary>Schedules <paramref name="item"/> <paramref name="daysAhead"/> days after the current day (0 = today).</summary>
    public void Add(int daysAhead, T item)
    {
        if (daysAhead < 0 || daysAhead > HorizonDays)
            throw new ArgumentOutOfRangeException(nameof(daysAhead), daysAhead, $"must be within 0..{HorizonDays}");
        _slots[(_today + daysAhead) % _slots.Length].Add(item);
    }

    /// <summary>The items due today; the list is reused after <see cref="Advance"/>, so copy what must outlive the day.</summary>
    public List<T> Due => _slots[_today];

    /// <summary>Moves to the next day, dropping what was due today.</summary>
    public void Advance()
    {
        _slots[_today].Clear();
        _today = (_today + 1) % _slots.Length;
    }
}
