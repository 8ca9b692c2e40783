using StreamRisk.Core.Events;
using StreamRisk.RiskModels.Default;
using StreamRisk.RiskModels.Default.Features;

namespace StreamRisk.RiskModels.Tests.Default.Features;

public sealed class DefaultTabularFeatures_Extract
{
    private static readonly DefaultTabularFeatures Features = new(["gdp_growth", "unemployment"], ["md_a", "risk", "audit"]);

    private static DisclosedQuarter Quarter(DateOnly periodEnd, int publishedAfterDays, double dt, double level, bool[] chapters) => new(
        periodEnd,
        new DateTimeOffset(periodEnd.AddDays(publishedAfterDays).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        dt,
        Enumerable.Range(0, 32).Select(f => level + f).ToArray(),
        [level / 10, -level / 10],
        chapters.Select(c => c ? new float[] { 0.1f, 0.2f } : null).ToArray());

    private static DefaultExample Example(params DisclosedQuarter[] quarters) =>
        new("ISS0001", "IND01", new DateOnly(2021, 7, 1), RiskClass.Extended, quarters);

    [Fact]
    public void Names_cover_every_column()
    {
        // 32 + 2 macro + 32 changes + 3 timing + 3 chapters.
        Assert.Equal(72, Features.Names.Count);
        Assert.Equal("fin_total_assets", Features.Names[0]);
        Assert.Equal("macro_unemployment", Features.Names[33]);
        Assert.Equal("d_fin_total_assets", Features.Names[34]);
        Assert.Equal(["quarters", "months_since_last_statement", "mean_dt_months", "text_md_a", "text_risk", "text_audit"], Features.Names.Skip(66));
        Assert.Equal(Features.Names.Count, Features.Names.Distinct().Count());
    }

    [Fact]
    public void Newest_statement_changes_timing_and_text_presence_by_hand()
    {
        var example = Example(
            Quarter(new DateOnly(2019, 12, 31), 60, 0, 1, [false, false, true]),   // oldest: outside the text window
            Quarter(new DateOnly(2020, 6, 30), 45, 6, 2, [false, false, false]),
            Quarter(new DateOnly(2020, 9, 30), 30, 3, 3, [true, false, false]),
            Quarter(new DateOnly(2020, 12, 31), 40, 3, 4, [false, false, false]),
            Quarter(new DateOnly(2021, 3, 31), 31, 3, 7, [false, false, false])); // published 2021-05-01
        var row = Features.Extract(example);
        Assert.Equal(7, row[0]);                  // fin_total_assets = level + 0
        Assert.Equal(7 + 31, row[31]);
        Assert.Equal(0.7, row[32], 12);           // macro
        Assert.Equal(-0.7, row[33], 12);
        Assert.All(Enumerable.Range(34, 32), i => Assert.Equal(3, row[i], 12)); // 7 − 4 in every indicator
        Assert.Equal(5, row[66]);
        // 2021-05-01 → 2021-07-01 is 61 days = 61 / 30.4375 months.
        Assert.Equal(61 / 30.4375, row[67], 12);
        // Δt after the first: 6, 3, 3, 3 → 3.75.
        Assert.Equal(3.75, row[68], 12);
        // Newest four statements: md_a in 2020-09, nothing of risk; audit only in the oldest (outside the window).
        Assert.Equal([1.0, 0, 0], row.Skip(69));
    }

    [Fact]
    public void A_single_statement_has_no_change_and_no_mean_gap()
    {
        var row = Features.Extract(Example(Quarter(new DateOnly(2021, 3, 31), 30, 0, 2, [true, true, true])));
        Assert.All(Enumerable.Range(34, 32), i => Assert.Equal(0, row[i]));
        Assert.Equal(1, row[66]);
        Assert.Equal(0, row[68]);
        Assert.Equal([1.0, 1, 1], row.Skip(69));
    }

    [Fact]
    public void No_statement_gives_zeros()
    {
        Assert.All(Features.Extract(Example()), v => Assert.Equal(0, v));
    }

    [Fact]
    public void A_statement_published_after_the_origin_is_rejected_as_look_ahead()
    {
        var e = Assert.Throws<ArgumentException>(() => Features.Extract(Example(Quarter(new DateOnly(2021, 6, 30), 5, 0, 1, [false, false, false]))));
        Assert.Contains("look-ahead", e.Message);
        Assert.Contains("ISS0001", e.Message);
    }

    [Fact]
    public void Wrong_dimensions_name_the_issuer_and_statement()
    {
        var bad = Quarter(new DateOnly(2021, 3, 31), 30, 0, 1, [false, false]);
        var e = Assert.Throws<ArgumentException>(() => Features.Extract(Example(bad)));
        Assert.Contains("2 chapters, expected 3", e.Message);
    }
}
