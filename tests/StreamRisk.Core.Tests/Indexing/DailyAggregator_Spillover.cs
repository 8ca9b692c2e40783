using StreamRisk.Core.Events;
using StreamRisk.Core.Graph;
using StreamRisk.Core.Indexing;
using StreamRisk.Core.Reference;
using static StreamRisk.Core.Tests.Indexing.IndexingEvents;

namespace StreamRisk.Core.Tests.Indexing;

/// <summary>A related issuer's own news reaches an issuer's composite with its reach weight, and names the path.</summary>
public sealed class DailyAggregator_Spillover
{
    // supplier -(0.8)- customer -(0.5)- lender; loner has no relation.
    private static readonly IssuerRelation[] Relations =
    [
        new("supplier", "customer", IssuerRelationKind.Supplier, 0.8),
        new("lender", "customer", IssuerRelationKind.Guarantor, 0.5),
    ];

    private static SpilloverMap Map(SpilloverOptions options) =>
        new(new[] { "supplier", "customer", "lender", "loner" }.Select(i => (i, SpilloverPropagation.Reach(i, Relations, options))));

    private static DailySentiment Last(IEnumerable<DailySentiment> values, string issuerId, int day) =>
        values.Last(v => v.IssuerId == issuerId && v.Day == Day(day));

    [Fact]
    public void A_firm_text_reaches_related_issuers_with_weight_times_decay_per_hop()
    {
        var aggregator = new DailyAggregator(spillover: Map(new SpilloverOptions(0.5, 2)));

        var changed = aggregator.Apply([Firm("supplier", "d1", 0, 0.8)]).Changed;

        var own = 0.7 * 0.8;
        var customer = Last(changed, "customer", 0);
        Assert.Equal(0.8 * 0.5 * own, customer.Composite, 9);
        Assert.Equal(customer.Composite, customer.SpilloverScore!.Value, 9);
        Assert.Null(customer.FirmScore);
        var path = Assert.Single(customer.Spillover!);
        Assert.Equal(["supplier", "customer"], path.Path);
        Assert.Equal(["supplier"], path.Relations);
        var lender = Last(changed, "lender", 0);
        Assert.Equal(0.8 * 0.5 * 0.25 * own, lender.Composite, 9);
        Assert.Equal(["supplier", "customer", "lender"], Assert.Single(lender.Spillover!).Path);
        Assert.DoesNotContain(changed, v => v.IssuerId == "loner");
        // The source's own value carries no spill-over: nothing echoes back.
        var supplier = Last(changed, "supplier", 0);
        Assert.Equal(own, supplier.Composite, 9);
        Assert.Null(supplier.SpilloverScore);
    }

    [Fact]
    public void Own_news_and_spill_over_add_up_and_the_largest_contributions_are_named()
    {
        var aggregator = new DailyAggregator(spillover: Map(new SpilloverOptions(0.5, 1)));

        var changed = aggregator.Apply([Firm("customer", "d1", 0, -0.5), Firm("supplier", "d2", 0, 1.0), Firm("lender", "d3", 0, 0.4)]).Changed;

        var customer = Last(changed, "customer", 0);
        var spill = (0.8 * 0.5 * 0.7 * 1.0) + (0.5 * 0.5 * 0.7 * 0.4);
        Assert.Equal((0.7 * -0.5) + spill, customer.Composite, 9);
        Assert.Equal(spill, customer.SpilloverScore!.Value, 9);
        Assert.Equal(["supplier", "lender"], customer.Spillover!.Select(c => c.SourceIssuerId));
    }

    [Fact]
    public void Final_values_do_not_depend_on_the_order_the_related_issuers_texts_arrive_in()
    {
        FirmSentiment[] texts = [Firm("customer", "d1", 0, -0.5), Firm("supplier", "d2", 2, 1.0), Firm("lender", "d3", 1, 0.4), Firm("supplier", "d4", 3, -0.2)];
        var forward = new DailyAggregator(spillover: Map(SpilloverOptions.Default));
        var backward = new DailyAggregator(spillover: Map(SpilloverOptions.Default));

        var a = texts.SelectMany(t => forward.Apply([t]).Changed).ToList();
        var b = texts.Reverse().SelectMany(t => backward.Apply([t]).Changed).ToList();

        foreach (var issuer in new[] { "supplier", "customer", "lender" })
        {
            for (var day = 0; day <= 3; day++)
            {
                Assert.True(a.Any(v => v.IssuerId == issuer && v.Day == Day(day)), $"forward {issuer} {day}");
                Assert.True(b.Any(v => v.IssuerId == issuer && v.Day == Day(day)), $"backward {issuer} {day}");
                Assert.Equal(Last(a, issuer, day).Smoothed, Last(b, issuer, day).Smoothed, 9);
            }
        }
    }

    [Fact]
    public void Without_relations_or_with_spill_over_off_the_index_is_as_before()
    {
        FirmSentiment[] texts = [Firm("supplier", "d1", 0, 0.8), Firm("customer", "d2", 1, -0.4)];
        var plain = new DailyAggregator().Apply(texts).Changed;
        var off = new DailyAggregator(spillover: Map(SpilloverOptions.Off)).Apply(texts).Changed;

        Assert.Equal(plain.Select(v => (v.IssuerId, v.Day, v.Composite, v.Smoothed)), off.Select(v => (v.IssuerId, v.Day, v.Composite, v.Smoothed)));
        Assert.All(off, v => Assert.Null(v.SpilloverScore));
        Assert.DoesNotContain(off, v => v.IssuerId == "lender");
    }

    [Fact]
    public void The_path_travels_on_the_daily_event()
    {
        var aggregator = new DailyAggregator(spillover: Map(SpilloverOptions.Default));
        var customer = Last(aggregator.Apply([Firm("supplier", "d1", 0, 0.8)]).Changed, "customer", 0);

        var json = EventJson.SerializeToString(customer);

        Assert.Contains("\"spillover_score\":", json, StringComparison.Ordinal);
        Assert.Contains("\"path\":[\"supplier\",\"customer\"],\"relations\":[\"supplier\"]", json, StringComparison.Ordinal);
        var back = EventJson.Deserialize<DailySentiment>(System.Text.Encoding.UTF8.GetBytes(json));
        Assert.Equal(customer.SpilloverScore, back.SpilloverScore);
        Assert.DoesNotContain("spillover", EventJson.SerializeToString(customer with { SpilloverScore = null, Spillover = null }), StringComparison.Ordinal);
    }
}
