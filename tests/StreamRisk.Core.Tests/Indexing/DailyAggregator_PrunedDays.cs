using StreamRisk.Core.Indexing;
using static StreamRisk.Core.Tests.Indexing.IndexingEvents;

namespace StreamRisk.Core.Tests.Indexing;

/// <summary>A text on time by its stamp whose day's state is already pruned comes back as <c>day_pruned</c>; nothing throws.</summary>
public sealed class DailyAggregator_PrunedDays
{
    /// <summary>ISS1 texts on days 0..40, each stamped with its own day: the watermark is day 40, so with the default
    /// lateness (3) and a prune margin of 28 state is kept from day 9.</summary>
    private static DailyAggregator FortyDays()
    {
        var aggregator = new DailyAggregator(new DailyAggregatorOptions { PruneMarginDays = 28 });
        for (var day = 0; day <= 40; day++)
        {
            aggregator.Apply([Firm("ISS1", $"doc-{day}", day, day % 2 == 0 ? -0.4 : 0.3) with { Watermark = Day(day) }]);
        }

        return aggregator;
    }

    [Fact]
    public void OnTimeTextForAPrunedDay_IsReturnedAsDayPruned_AndChangesNothing()
    {
        var aggregator = FortyDays();
        Assert.True(aggregator.TryGetIssuer("ISS1", out var index));
        var before = index.Smoothed.ToArray();

        // Day 5 is within the lateness of its stamp (day 7), but its state was pruned long ago.
        var text = Firm("ISS1", "reordered", 5, -1.0) with { Watermark = Day(7) };
        var newIssuer = Firm("ISS9", "reordered", 5, -1.0) with { Watermark = Day(7) };
        var result = aggregator.Apply([text, newIssuer]);

        Assert.Empty(result.Changed);
        Assert.Equal([text, newIssuer], result.RejectedTexts.Select(r => r.Input));
        Assert.All(result.RejectedTexts, r => Assert.Equal(RejectionReasons.DayPruned, r.ReasonCode));
        Assert.Contains("duplicate", result.RejectedTexts[0].Reason, StringComparison.Ordinal);
        Assert.Contains("PruneMarginDays", result.RejectedTexts[0].Reason, StringComparison.Ordinal);
        Assert.Equal(before, index.Smoothed.ToArray());
        Assert.False(aggregator.TryGetIssuer("ISS9", out _));
        Assert.Equal(Day(40), aggregator.Watermark);
    }

    [Fact]
    public void RedeliveredDuplicateAfterItsDayWasPruned_IsDayPruned()
    {
        var aggregator = FortyDays();
        var result = aggregator.Apply([Firm("ISS1", "doc-2", 2, -0.4) with { Watermark = Day(2) }]);
        Assert.Equal(RejectionReasons.DayPruned, Assert.Single(result.RejectedTexts).ReasonCode);
        Assert.Empty(result.Changed);
    }

    [Fact]
    public void OldestKeptDay_StillAcceptsOnTimeTexts()
    {
        var aggregator = FortyDays();
        var result = aggregator.Apply([Firm("ISS1", "edge", 9, 0.5) with { Watermark = Day(12) }]);
        Assert.Empty(result.RejectedTexts);
        Assert.Equal(Day(9), result.Changed[0].Day);
        Assert.Equal(2, result.Changed[0].FirmCount);
    }

    [Fact]
    public void MesoScoreForAPrunedDay_IsRejected()
    {
        var aggregator = FortyDays();
        var result = aggregator.Apply([], [new IssuerMesoScore("ISS1", Day(5), 0.5), new IssuerMesoScore("ISS1", Day(20), 0.5)]);
        var rejected = Assert.Single(result.RejectedMesoScores);
        Assert.Equal(Day(5), rejected.Input.Day);
        Assert.Equal(RejectionReasons.TooLate, rejected.ReasonCode);
        Assert.Equal(Day(20), result.Changed[0].Day);
    }

    [Fact]
    public void SmallerPruneMargin_PrunesSooner()
    {
        var aggregator = new DailyAggregator(new DailyAggregatorOptions { PruneMarginDays = 0 });
        aggregator.Apply([Firm("ISS1", "a", 10, 0.1) with { Watermark = Day(10) }]);
        // Another partition's text, stamped later, arrives first: day 5 (stamp 8) is on time but already pruned.
        var result = aggregator.Apply([Firm("ISS1", "b", 5, 0.1) with { Watermark = Day(8) }]);
        Assert.Equal(RejectionReasons.DayPruned, Assert.Single(result.RejectedTexts).ReasonCode);
    }
}
