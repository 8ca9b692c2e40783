using StreamRisk.Core.Indexing;
using static StreamRisk.Core.Tests.Indexing.IndexingEvents;

namespace StreamRisk.Core.Tests.Indexing;

public sealed class DailyAggregator_LateArrivals
{
    private static DailyAggregator FiveDays()
    {
        var aggregator = new DailyAggregator();
        for (var day = 0; day <= 5; day++)
        {
            aggregator.Apply([Firm("ISS1", $"doc-{day}", day, day % 2 == 0 ? -0.4 : 0.3)]);
        }

        return aggregator;
    }

    [Fact]
    public void LateTextWithinLateness_ReEmitsItsDayAndEveryLaterDayThatChanged()
    {
        var aggregator = FiveDays();
        var result = aggregator.Apply([Firm("ISS1", "late", 3, -1.0)]);

        Assert.Equal([Day(3), Day(4), Day(5)], result.Changed.Select(v => v.Day));
        Assert.All(result.Changed, v => Assert.Equal(1, v.Revision));
        Assert.Equal("ISS1:2024-03-04:r1", result.Changed[0].EventId);
        Assert.Equal(2, result.Changed[0].FirmCount);
        Assert.Equal(["late", "doc-3"], result.Changed[0].TopDocIds);
        Assert.Empty(result.RejectedTexts);

        Assert.True(aggregator.TryGetIssuer("ISS1", out var index));
        for (var day = 3; day <= 5; day++)
        {
            Assert.Equal(index.Smoothed[day], result.Changed[day - 3].Smoothed);
        }
    }

    [Fact]
    public void SecondCorrection_RaisesTheRevisionAgain()
    {
        var aggregator = FiveDays();
        aggregator.Apply([Firm("ISS1", "late-1", 4, -1.0)]);
        var result = aggregator.Apply([Firm("ISS1", "late-2", 4, 1.0)]);
        Assert.Equal([2, 2], result.Changed.Select(v => v.Revision));
    }

    [Fact]
    public void TextOlderThanLateness_IsReturnedAsTooLate_AndChangesNothing()
    {
        var aggregator = FiveDays();
        Assert.True(aggregator.TryGetIssuer("ISS1", out var index));
        var before = index.Smoothed.ToArray();

        var late = Firm("ISS1", "very-late", 1, -1.0);
        var result = aggregator.Apply([late]);

        Assert.Empty(result.Changed);
        var rejected = Assert.Single(result.RejectedTexts);
        Assert.Same(late, rejected.Input);
        Assert.Equal(RejectionReasons.TooLate, rejected.ReasonCode);
        Assert.Equal(before, index.Smoothed.ToArray());
        Assert.Equal(Day(5), aggregator.Watermark);
    }

    [Fact]
    public void OldestOpenDay_StillAcceptsTexts()
    {
        var aggregator = FiveDays();
        var result = aggregator.Apply([Firm("ISS1", "edge", 2, 0.5)]);
        Assert.Empty(result.RejectedTexts);
        Assert.Equal(Day(2), result.Changed[0].Day);
    }

    [Fact]
    public void ManyLateTextsInOneBatch_GiveOneValuePerIssuerAndDay()
    {
        var aggregator = FiveDays();
        var result = aggregator.Apply(
        [
            Firm("ISS1", "x1", 4, -0.2), Firm("ISS1", "x2", 3, -0.9), Firm("ISS1", "x3", 4, 0.7), Firm("ISS1", "x4", 3, -0.1),
        ]);
        Assert.Equal([Day(3), Day(4), Day(5)], result.Changed.Select(v => v.Day));
        Assert.All(result.Changed, v => Assert.Equal(1, v.Revision));
    }

    [Fact]
    public void LateTextBeforeTheIssuersFirstDay_ExtendsItsGridBackwards()
    {
        var aggregator = FiveDays();
        aggregator.Apply([Firm("ISS2", "new", 5, 0.5)]);
        var result = aggregator.Apply([Firm("ISS2", "older", 3, -0.5)]);

        Assert.Equal([(Day(3), 0), (Day(4), 0), (Day(5), 1)], result.Changed.Select(v => (v.Day, v.Revision)));
        Assert.True(aggregator.TryGetIssuer("ISS2", out var index));
        Assert.Equal(Day(3), index.FirstDay);
        Assert.Equal([0.7 * -0.5, 0, 0.7 * 0.5], index.Composite.ToArray());
    }

    [Fact]
    public void WatermarkAdvancesPerInput_SoALaterTextInTheSameBatchClosesOlderDays()
    {
        var aggregator = FiveDays();
        var result = aggregator.Apply([Firm("ISS1", "future", 9, 0.1), Firm("ISS1", "now-late", 5, 0.1)]);
        Assert.Equal(RejectionReasons.TooLate, Assert.Single(result.RejectedTexts).ReasonCode);
        Assert.Equal(Day(9), aggregator.Watermark);
    }
}
