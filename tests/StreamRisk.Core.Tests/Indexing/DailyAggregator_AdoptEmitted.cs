using StreamRisk.Core.Indexing;
using static StreamRisk.Core.Tests.Indexing.IndexingEvents;

namespace StreamRisk.Core.Tests.Indexing;

/// <summary>
/// A rebuilt aggregator continues the revisions the store holds: a day the live instance had emitted up to revision 7
/// comes next as revision 8, so the store's highest-revision rule keeps it (a crash test lost texts this way).
/// </summary>
public sealed class DailyAggregator_AdoptEmitted
{
    [Fact]
    public void The_next_value_of_a_day_outranks_the_adopted_revision()
    {
        var aggregator = new DailyAggregator();
        var first = Assert.Single(aggregator.Apply([Firm("ISS1", "doc1", 0, 0.5)]).Changed);
        Assert.Equal(0, first.Revision);

        aggregator.AdoptEmitted([first with { Revision = 7, EventId = "ISS1:2024-03-01:r7" }]);
        var next = Assert.Single(aggregator.Apply([Firm("ISS1", "doc2", 0, -0.5)]).Changed);

        Assert.Equal(8, next.Revision);
        Assert.Equal(2, next.FirmCount);
    }

    [Fact]
    public void A_lower_revision_or_a_day_not_in_memory_is_ignored()
    {
        var aggregator = new DailyAggregator();
        var first = Assert.Single(aggregator.Apply([Firm("ISS1", "doc1", 0, 0.5)]).Changed);
        aggregator.AdoptEmitted([first with { Revision = 3 }]);

        aggregator.AdoptEmitted([first with { Revision = 1 }, first with { IssuerId = "ISS9", Revision = 9 }]);

        Assert.Equal(4, Assert.Single(aggregator.Apply([Firm("ISS1", "doc2", 0, -0.5)]).Changed).Revision);
    }
}
