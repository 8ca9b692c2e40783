using StreamRisk.Core.Events;
using StreamRisk.RiskModels.Default;
using static StreamRisk.RiskModels.Tests.Default.DefaultMarkets;

namespace StreamRisk.RiskModels.Tests.Default;

public sealed class DefaultExampleBuilder_MonthsSincePrevious
{
    // Δt = days between period ends / (365.25 / 12), as DisclosedQuarters.AsOf computes it live.
    private const double DaysPerMonth = 365.25 / 12;

    [Theory]
    [InlineData("2001-03-31", 2, "2001-09-30")]
    [InlineData("2001-06-30", 2, "2001-12-31")]
    [InlineData("2003-12-31", 1, "2004-03-31")]
    [InlineData("2004-03-31", -1, "2003-12-31")]
    [InlineData("2001-05-15", 1, "2001-08-15")]
    public void Quarters_move_month_ends_to_month_ends(string from, int quarters, string to)
    {
        Assert.Equal(DateOnly.Parse(to), QuarterCalendar.AddQuarters(DateOnly.Parse(from), quarters));
    }

    [Fact]
    public void A_skipped_quarter_gives_6_and_a_late_statement_takes_its_place_by_period_end_once_published()
    {
        // Quarters 2001Q1..2002Q2; 2001Q3 is never filed; 2002Q1 (period end 2002-03-31) is filed 150 days late, on 2002-08-28,
        // after 2002Q2's statement (published 2002-08-09).
        var statements = new List<Fundamentals>
        {
            Statement("A", new DateOnly(2001, 3, 31)),
            Statement("A", new DateOnly(2001, 6, 30)),
            Statement("A", new DateOnly(2001, 12, 31)),
            Statement("A", new DateOnly(2002, 3, 31), lagDays: 150),
            Statement("A", new DateOnly(2002, 6, 30)),
        };
        var market = Market(5, ["A"], statements);
        var examples = DefaultExampleBuilder.Build(market, DefaultDatasetOptions.Default, new OneHotEmbedder()).ToDictionary(e => e.Origin);

        var beforeLate = examples[new DateOnly(2002, 6, 30)].Quarters;
        Assert.Equal([new DateOnly(2001, 3, 31), new DateOnly(2001, 6, 30), new DateOnly(2001, 12, 31)], beforeLate.Select(q => q.PeriodEnd));
        // 31 Mar → 30 Jun: 91 days; 30 Jun → 31 Dec: 184 days (the skipped quarter).
        Assert.Equal([0.0, 91 / DaysPerMonth, 184 / DaysPerMonth], beforeLate.Select(q => q.MonthsSincePrevious));

        var afterLate = examples[new DateOnly(2002, 9, 30)].Quarters;
        Assert.Equal([new DateOnly(2001, 3, 31), new DateOnly(2001, 6, 30), new DateOnly(2001, 12, 31), new DateOnly(2002, 3, 31), new DateOnly(2002, 6, 30)],
            afterLate.Select(q => q.PeriodEnd));
        // ... 31 Dec → 31 Mar 2002: 90 days; 31 Mar → 30 Jun: 91 days.
        Assert.Equal([0.0, 91 / DaysPerMonth, 184 / DaysPerMonth, 90 / DaysPerMonth, 91 / DaysPerMonth], afterLate.Select(q => q.MonthsSincePrevious));
    }

    [Fact]
    public void Only_the_newest_quarters_are_kept_and_the_first_kept_keeps_its_gap_to_the_statement_before()
    {
        var market = Market(5, ["A"], Quarterly("A", new DateOnly(2005, 12, 31)));
        var options = DefaultDatasetOptions.Default with { MaxQuarters = 3 };
        var example = DefaultExampleBuilder.Build(market, options, new OneHotEmbedder()).Single(e => e.Origin == new DateOnly(2003, 12, 31));
        // Published by 2003-12-31 (40-day lag): up to 2003Q3.
        Assert.Equal([new DateOnly(2003, 3, 31), new DateOnly(2003, 6, 30), new DateOnly(2003, 9, 30)], example.Quarters.Select(q => q.PeriodEnd));
        // 31 Dec 2002 → 31 Mar 2003 (the statement before the kept ones): 90 days; then 91 and 92.
        Assert.Equal([90 / DaysPerMonth, 91 / DaysPerMonth, 92 / DaysPerMonth], example.Quarters.Select(q => q.MonthsSincePrevious));
        // Financial and macro rows of the period: the test market writes year + month / 100 and year + quarter / 10.
        Assert.All(example.Quarters[2].Financial, v => Assert.Equal(2003.09, v, 9));
        Assert.Equal([2003.3], example.Quarters[2].Macro);
    }
}
