using StreamRisk.Core.Indexing;
using static StreamRisk.Core.Tests.Indexing.IndexingEvents;

namespace StreamRisk.Core.Tests.Indexing;

public sealed class DailyAggregator_Idempotency
{
    [Fact]
    public void SameEventIdTwice_CountsOnce()
    {
        var aggregator = new DailyAggregator();
        var value = Assert.Single(aggregator.Apply([Firm("ISS1", "a", 0, -0.6), Firm("ISS1", "a", 0, -0.6), Firm("ISS1", "b", 0, 0.2)]).Changed);
        Assert.Equal(2, value.FirmCount);
        Assert.Equal(-0.2, value.FirmScore!.Value, 10);
    }

    [Fact]
    public void RedeliveredBatch_ChangesNothing()
    {
        var aggregator = new DailyAggregator();
        var batch = new[] { Firm("ISS1", "a", 0, -0.6), Firm("ISS1", "b", 1, 0.2), Firm("ISS2", "c", 1, 0.9) };
        Assert.Equal(3, aggregator.Apply(batch).Changed.Count);
        var again = aggregator.Apply(batch);
        Assert.Empty(again.Changed);
        Assert.Empty(again.RejectedTexts);
    }

    [Fact]
    public void SameMesoScoreAgain_ChangesNothing()
    {
        var aggregator = new DailyAggregator();
        aggregator.Apply([], [new IssuerMesoScore("ISS1", Day(0), 0.5)]);
        Assert.Empty(aggregator.Apply([], [new IssuerMesoScore("ISS1", Day(0), 0.5)]).Changed);
    }

    [Fact]
    public void SameDocument_CountsForEachIssuerItNames()
    {
        var aggregator = new DailyAggregator();
        var result = aggregator.Apply([Firm("ISS1", "a", 0, -0.6), Firm("ISS2", "a", 0, 0.4)]);
        Assert.Equal([1, 1], result.Changed.Select(v => v.FirmCount));
    }
}
