using FsCheck.Xunit;
using StreamRisk.Core.Simulation;

namespace StreamRisk.Core.Tests.Simulation;

public sealed class MacroFactorPath_Anchor
{
    /// <summary>Steady 3 % growth with one recession year (2001: GDP falls, unemployment jumps).</summary>
    private static List<MacroQuarter> Economy()
    {
        var quarters = new List<MacroQuarter>();
        var gdp = 10_000.0;
        var unemployment = 5.0;
        for (var year = 1995; year <= 2006; year++)
        {
            for (var q = 1; q <= 4; q++)
            {
                var recession = year == 2001;
                gdp *= recession ? 0.99 : 1.0075 + 0.001 * ((year * 4 + q) % 3);
                unemployment += recession ? 0.5 : -0.05 + 0.02 * ((year + q) % 3);
                quarters.Add(new MacroQuarter(year, q, gdp, unemployment));
            }
        }

        return quarters;
    }

    [Fact]
    public void Recession_quarters_read_strongly_negative()
    {
        var path = new MacroFactorPath(new DateOnly(1999, 1, 1), new DateOnly(2004, 12, 31), Economy(), new Pcg32(1, 1));
        // 24 simulated quarters plus the one either side that daily interpolation reads.
        Assert.Equal(26, path.AnchoredQuarters);
        Assert.True(path.At(new DateOnly(2001, 8, 15)) < -1.5, $"mid-2001 reads {path.At(new DateOnly(2001, 8, 15))}");
        Assert.True(path.At(new DateOnly(2004, 5, 15)) > 0);
    }

    [Fact]
    public void Without_an_anchor_the_path_is_drawn_and_seeded()
    {
        var a = new MacroFactorPath(new DateOnly(2000, 1, 1), new DateOnly(2009, 12, 31), null, new Pcg32(5, 1));
        var b = new MacroFactorPath(new DateOnly(2000, 1, 1), new DateOnly(2009, 12, 31), null, new Pcg32(5, 1));
        var c = new MacroFactorPath(new DateOnly(2000, 1, 1), new DateOnly(2009, 12, 31), null, new Pcg32(6, 1));
        Assert.Equal(0, a.AnchoredQuarters);
        var day = new DateOnly(2005, 3, 3);
        Assert.Equal(a.At(day), b.At(day));
        Assert.NotEqual(a.At(day), c.At(day));
    }

    [Property]
    public bool Daily_values_move_smoothly_between_quarters(ulong seed, byte offset)
    {
        // Quarter values are linked at their midpoints, so a day moves the factor by a small fraction of a quarter's step.
        var path = new MacroFactorPath(new DateOnly(2000, 1, 1), new DateOnly(2003, 12, 31), null, new Pcg32(seed, 1));
        var day = new DateOnly(2001, 1, 1).AddDays(offset * 2);
        return Math.Abs(path.At(day.AddDays(1)) - path.At(day)) < 0.1;
    }
}
