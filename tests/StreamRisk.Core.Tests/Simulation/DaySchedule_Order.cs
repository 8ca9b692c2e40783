using FsCheck.Xunit;
using StreamRisk.Core.Simulation;

namespace StreamRisk.Core.Tests.Simulation;

public sealed class DaySchedule_Order
{
    [Property]
    public bool Items_come_back_on_their_day_in_scheduling_order(byte[] offsets)
    {
        var schedule = new DaySchedule<(int Day, int Order)>(30);
        var expected = new List<(int Day, int Order)>();
        for (var i = 0; i < offsets.Length; i++)
        {
            var day = offsets[i] % 31;
            schedule.Add(day, (day, i));
            expected.Add((day, i));
        }

        var seen = new List<(int Day, int Order)>();
        for (var day = 0; day <= 30; day++)
        {
            if (schedule.Due.Any(item => item.Day != day)) return false;
            seen.AddRange(schedule.Due);
            schedule.Advance();
        }

        return seen.SequenceEqual(expected.OrderBy(e => e.Day).ThenBy(e => e.Order));
    }

    [Fact]
    public void Scheduling_beyond_the_horizon_is_refused()
    {
        var schedule = new DaySchedule<int>(5);
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.Add(6, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.Add(-1, 1));
    }
}
