using StreamRisk.Core.Simulation;

namespace StreamRisk.Core.Tests.Simulation;

public sealed class MacroFactorPath_Quarters
{
    [Fact]
    public void Each_quarter_is_listed_once_in_order_with_the_value_read_at_its_midpoint()
    {
        var path = new MacroFactorPath(new DateOnly(2001, 1, 1), new DateOnly(2004, 12, 31), null, new Pcg32(3, 1));
        var quarters = path.Quarters(new DateOnly(2001, 1, 1), new DateOnly(2004, 12, 31)).ToList();

        Assert.Equal(16, quarters.Count);
        Assert.Equal((2001, 1), (quarters[0].Year, quarters[0].Quarter));
        Assert.Equal((2004, 4), (quarters[^1].Year, quarters[^1].Quarter));
        Assert.Equal(quarters.Count, quarters.Select(q => (q.Year, q.Quarter)).Distinct().Count());
        // April–June has 91 days: day 45 (May 16) is the exact midpoint, where the daily reading is the quarter's value.
        foreach (var q in quarters.Where(q => q.Quarter == 2))
        {
            Assert.Equal(q.Factor, path.At(new DateOnly(q.Year, 5, 16)), 12);
        }
    }

    [Fact]
    public void A_range_beyond_the_path_is_cut_to_it()
    {
        var path = new MacroFactorPath(new DateOnly(2001, 1, 1), new DateOnly(2001, 12, 31), null, new Pcg32(3, 1));
        var quarters = path.Quarters(new DateOnly(1990, 1, 1), new DateOnly(2010, 1, 1)).ToList();
        // The path keeps one quarter either side of the simulated year for interpolation.
        Assert.Equal(6, quarters.Count);
        Assert.Equal((2000, 4), (quarters[0].Year, quarters[0].Quarter));
    }
}
