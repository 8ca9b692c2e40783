using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Pipeline.Evaluation;

namespace StreamRisk.Pipeline.Tests.Evaluation;

public sealed class LatentPath_Horizons
{
    // Trading days with gaps (weekends, holidays), each with a latent value.
    private static readonly Arbitrary<(DateOnly[] Days, double[] Values, int Horizon)> Paths =
        (from n in Gen.Choose(1, 60)
         from gaps in Gen.ArrayOf(Gen.Choose(1, 4), n)
         from values in Gen.ArrayOf(Gen.Choose(-100, 100).Select(i => i / 10.0), n)
         from horizon in Gen.Choose(1, 25)
         select (Days(gaps), values, horizon)).ToArbitrary();

    private static DateOnly[] Days(int[] gaps)
    {
        var day = new DateOnly(2000, 1, 3);
        var days = new DateOnly[gaps.Length];
        for (var i = 0; i < gaps.Length; i++)
        {
            day = day.AddDays(gaps[i]);
            days[i] = day;
        }
        return days;
    }

    [Property(MaxTest = 300)]
    public Property The_change_ahead_of_p_is_the_change_behind_p_plus_h() => Prop.ForAll(Paths, s =>
    {
        var path = new LatentPath(s.Days, s.Values);
        for (var p = 0; p < path.Count; p++)
        {
            var ahead = path.ChangeAhead(p, s.Horizon);
            var behind = path.ChangeBehind(p + s.Horizon, s.Horizon);
            if (ahead != behind) return false;
            if ((ahead is null) != (p + s.Horizon >= path.Count)) return false;
            if (ahead is { } a && a != s.Values[p + s.Horizon] - s.Values[p]) return false;
        }
        return true;
    });

    [Property(MaxTest = 300)]
    public Property A_calendar_day_maps_to_the_last_trading_day_on_or_before_it() => Prop.ForAll(Paths, s =>
    {
        var path = new LatentPath(s.Days, s.Values);
        for (var day = s.Days[0].AddDays(-3); day <= s.Days[^1].AddDays(3); day = day.AddDays(1))
        {
            var expected = Array.FindLastIndex(s.Days, d => d <= day);
            if (path.PositionAtOrBefore(day) != expected) return false;
        }
        return true;
    });

    [Fact]
    public void Days_must_increase()
    {
        var day = new DateOnly(2000, 1, 3);
        Assert.Throws<ArgumentException>(() => new LatentPath([day, day], [1, 2]));
    }
}
