namespace StreamRisk.RiskModels.Default;

/// <summary>Calendar-quarter arithmetic for prediction origins and label windows: quarter ends stay month ends when moved.</summary>
public static class QuarterCalendar
{
    /// <summary>The last day of the calendar quarter holding <paramref name="day"/>.</summary>
    public static DateOnly QuarterEnd(DateOnly day)
    {
        var month = (day.Month - 1) / 3 * 3 + 3;
        return new DateOnly(day.Year, month, DateTime.DaysInMonth(day.Year, month));
    }

    /// <summary><paramref name="quarters"/> calendar quarters after <paramref name="day"/>; a month end moves to a month
    /// end (30 June + 2 quarters = 31 December, where <see cref="DateOnly.AddMonths"/> would give 30 December).</summary>
    public static DateOnly AddQuarters(DateOnly day, int quarters)
    {
        var moved = day.AddMonths(3 * quarters);
        return day.Day == DateTime.DaysInMonth(day.Year, day.Month)
            ? new DateOnly(moved.Year, moved.Month, DateTime.DaysInMonth(moved.Year, moved.Month))
            : moved;
    }
}
