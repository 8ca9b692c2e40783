using StreamRisk.Core.Events;
using StreamRisk.RiskModels.Default;
using static StreamRisk.RiskModels.Tests.Default.DefaultMarkets;

namespace StreamRisk.RiskModels.Tests.Default;

/// <summary>Labels over (origin + 2 quarters, origin + 6 quarters]; origins whose class changes in the two quarters after
/// them are dropped, as are defaulted issuers and origins whose window runs past the market's end (2001–2006 here).</summary>
public sealed class DefaultExampleBuilder_ExclusionWindow
{
    private static readonly DateOnly End = new(2006, 12, 31);

    private static Dictionary<DateOnly, RiskClass> Labels(string issuer, params ClassChange[] changes)
    {
        var market = Market(6, [issuer], Quarterly(issuer, End), changes: changes);
        var examples = DefaultExampleBuilder.Build(market, DefaultDatasetOptions.Default, new OneHotEmbedder());
        return examples.ToDictionary(e => e.Origin, e => e.Label);
    }

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void An_issuer_that_defaults_is_labelled_defaulted_for_four_origins_and_dropped_for_the_two_before_the_default()
    {
        var labels = Labels("D", new ClassChange("D", RiskClass.Defaulted, D(2004, 5, 10)));

        // 2001-03-31: nothing published yet (the first statement comes 40 days later).
        Assert.DoesNotContain(D(2001, 3, 31), labels.Keys);
        foreach (var origin in new[] { D(2001, 6, 30), D(2001, 9, 30), D(2001, 12, 31), D(2002, 3, 31), D(2002, 6, 30), D(2002, 9, 30) })
        {
            Assert.Equal(RiskClass.Performing, labels[origin]);
        }
        // Windows (2003-06-30, 2004-06-30] ... (2004-03-31, 2005-03-31] hold 2004-05-10.
        foreach (var origin in new[] { D(2002, 12, 31), D(2003, 3, 31), D(2003, 6, 30), D(2003, 9, 30) })
        {
            Assert.Equal(RiskClass.Defaulted, labels[origin]);
        }
        // The default falls within two quarters of 2003-12-31 and 2004-03-31: excluded. From 2004-06-30 on it has defaulted.
        Assert.Equal(10, labels.Count);
        Assert.True(labels.Keys.Max() == D(2003, 9, 30));
    }

    [Fact]
    public void An_extended_issuer_stays_with_label_extended_after_its_extension()
    {
        var labels = Labels("E", new ClassChange("E", RiskClass.Extended, D(2003, 8, 20)));

        Assert.Equal(RiskClass.Performing, labels[D(2001, 12, 31)]);
        foreach (var origin in new[] { D(2002, 3, 31), D(2002, 6, 30), D(2002, 9, 30), D(2002, 12, 31) })
        {
            Assert.Equal(RiskClass.Extended, labels[origin]);
        }
        Assert.DoesNotContain(D(2003, 3, 31), labels.Keys);
        Assert.DoesNotContain(D(2003, 6, 30), labels.Keys);
        // Extended at the origin: kept (it could still default), labelled extended, up to the last labelled origin.
        Assert.Equal(RiskClass.Extended, labels[D(2003, 9, 30)]);
        Assert.Equal(RiskClass.Extended, labels[D(2005, 6, 30)]);
        Assert.DoesNotContain(D(2005, 9, 30), labels.Keys); // its window would end 2007-03-31, after the market
    }

    [Fact]
    public void Window_edges_are_inclusive_at_the_end_and_a_change_on_the_origin_day_is_known_at_the_origin()
    {
        var labels = Labels("F", new ClassChange("F", RiskClass.Extended, D(2003, 9, 30)), new ClassChange("F", RiskClass.Defaulted, D(2004, 6, 30)));

        // 2003-06-30: the extension on 2003-09-30 is inside (origin, origin + 2q] → dropped.
        Assert.DoesNotContain(D(2003, 6, 30), labels.Keys);
        // 2003-09-30 sees the extension (same day) and its gap (2003-09-30, 2004-03-31] holds no change;
        // its window (2004-03-31, 2005-03-31] holds the default.
        Assert.Equal(RiskClass.Defaulted, labels[D(2003, 9, 30)]);
        // 2003-12-31's gap ends on the default day: dropped. 2004-06-30: defaulted at the origin: dropped.
        Assert.DoesNotContain(D(2003, 12, 31), labels.Keys);
        Assert.DoesNotContain(D(2004, 6, 30), labels.Keys);
        // 2002-06-30's window (2002-12-31, 2003-12-31] ends after the extension: the worst class in it is extended.
        Assert.Equal(RiskClass.Extended, labels[D(2002, 6, 30)]);
        // 2002-12-31's window (2003-06-30, 2004-06-30] ends on the default day: inclusive.
        Assert.Equal(RiskClass.Defaulted, labels[D(2002, 12, 31)]);
    }

    [Fact]
    public void Origins_stop_where_the_label_window_would_pass_the_end_of_the_market()
    {
        var market = Market(6, ["P"], Quarterly("P", End));
        var origins = DefaultExampleBuilder.Origins(market, DefaultDatasetOptions.Default);
        Assert.Equal(D(2001, 3, 31), origins[0]);
        Assert.Equal(D(2005, 6, 30), origins[^1]);
        Assert.Equal(18, origins.Count);
        var yearly = DefaultExampleBuilder.Origins(market, DefaultDatasetOptions.Default with { OriginStepQuarters = 4 });
        Assert.Equal([D(2001, 3, 31), D(2002, 3, 31), D(2003, 3, 31), D(2004, 3, 31), D(2005, 3, 31)], yearly);
    }
}
