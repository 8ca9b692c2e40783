using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Events;
using StreamRisk.Core.Graph;
using StreamRisk.Core.Indexing;
using StreamRisk.Core.Reference;
using static StreamRisk.Core.Tests.Indexing.IndexingEvents;

namespace StreamRisk.Core.Tests.Indexing;

/// <summary>
/// Where a reached issuer's grid begins (which the causal smoother's window, and so every value of its first 256 days,
/// depends on) is decided by the days of its sources' own inputs, not by how far another issuer's spill-over had already
/// grown a source's grid when the source's own input arrived.
/// </summary>
public sealed class DailyAggregator_SpilloverGridStart
{
    // a - b - c in a chain, one hop: a reaches b, b reaches a and c, c reaches b; a does not reach c.
    private static readonly IssuerRelation[] Relations =
    [
        new("a", "b", IssuerRelationKind.Supplier, 0.8),
        new("b", "c", IssuerRelationKind.Supplier, 0.6),
    ];

    private static SpilloverMap Map() =>
        new(new[] { "a", "b", "c" }.Select(i => (i, SpilloverPropagation.Reach(i, Relations, new SpilloverOptions(0.5, 1)))));

    [Fact]
    public void A_source_grid_grown_by_spill_over_before_its_own_news_does_not_move_the_start_of_its_targets_grids()
    {
        var first = new DailyAggregator(spillover: Map());
        first.Apply([Firm("a", "a0", 0, 0.5)]);   // b's grid now starts on day 0, from a's spill-over alone
        first.Apply([Firm("b", "b5", 5, -0.4)]);  // b's own first news: c is reached from day 5 on
        var second = new DailyAggregator(spillover: Map());
        second.Apply([Firm("b", "b5", 5, -0.4)]);
        second.Apply([Firm("a", "a0", 0, 0.5)]);

        Assert.True(first.TryGetIssuer("c", out var c1));
        Assert.True(second.TryGetIssuer("c", out var c2));
        Assert.Equal(Day(5), c2.FirstDay);
        Assert.Equal(c2.FirstDay, c1.FirstDay);
        Assert.Equal(c2.Smoothed.ToArray(), c1.Smoothed.ToArray());
    }

    private static Gen<FirmSentiment> Text =>
        from issuer in Gen.Elements("a", "b", "c")
        from doc in Gen.Choose(0, 30)
        from day in Gen.Choose(0, 12)
        from score in Gen.Choose(-1000, 1000)
        // Stamped with its own day, so no order makes a text too late: the same texts count in every run.
        select Firm(issuer, $"doc-{doc}-{issuer}-{day}-{score}", day, score / 1000.0) with { Watermark = Day(day) };

    /// <summary>Any order and batching of the same texts over a linked market gives every issuer the same grid and the
    /// same values, bit for bit.</summary>
    [Property(MaxTest = 200)]
    public Property Grids_and_values_over_a_linked_market_do_not_depend_on_order_or_batching() => Prop.ForAll(
        (from texts in Gen.NonEmptyListOf(Text)
         from shuffled in Gen.Shuffle(texts.ToArray())
         from batchSize in Gen.Choose(1, 4)
         select (texts.ToArray(), shuffled, batchSize)).ToArbitrary(),
        s =>
        {
            var (texts, shuffled, batchSize) = s;
            var one = new DailyAggregator(spillover: Map());
            foreach (var text in texts)
            {
                one.Apply([text]);
            }

            var other = new DailyAggregator(spillover: Map());
            for (var i = 0; i < shuffled.Length; i += batchSize)
            {
                other.Apply(shuffled.Skip(i).Take(batchSize).ToArray());
            }

            foreach (var issuer in new[] { "a", "b", "c" })
            {
                var has1 = one.TryGetIssuer(issuer, out var g1);
                var has2 = other.TryGetIssuer(issuer, out var g2);
                if (has1 != has2)
                {
                    return false.Label($"{issuer}: grid in one run only");
                }

                if (has1 && (g1!.FirstDayNumber != g2!.FirstDayNumber || !g1.Smoothed.SequenceEqual(g2.Smoothed) || !g1.Composite.SequenceEqual(g2.Composite)))
                {
                    return false.Label($"{issuer}: grid {g1.FirstDay}+{g1.DayCount} against {g2!.FirstDay}+{g2.DayCount}");
                }
            }

            return true.ToProperty();
        });
}
