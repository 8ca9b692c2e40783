using StreamRisk.Core.Indexing;
using static StreamRisk.Core.Tests.Indexing.IndexingEvents;

namespace StreamRisk.Core.Tests.Indexing;

/// <summary>A text with an ingest stamp is too late iff its day is before stamp − allowed lateness, whatever this
/// instance has seen; one without a stamp is judged against this instance's own watermark, as before stamps.</summary>
public sealed class DailyAggregator_StampedLateness
{
    [Fact]
    public void StampedText_IsTooLateByItsStamp_EvenOnAFreshInstance()
    {
        var aggregator = new DailyAggregator();
        var text = Firm("ISS1", "a", 10, 0.5) with { Watermark = Day(14) };
        var rejected = Assert.Single(aggregator.Apply([text]).RejectedTexts);
        Assert.Equal(RejectionReasons.TooLate, rejected.ReasonCode);
        Assert.Contains("ingest watermark 2024-03-15", rejected.Reason, StringComparison.Ordinal);
        Assert.Null(aggregator.Watermark);
    }

    [Fact]
    public void StampedText_IsOnTimeByItsStamp_EvenBehindThisInstancesWatermark()
    {
        var aggregator = new DailyAggregator();
        aggregator.Apply([Firm("ISS2", "ahead", 20, 0.1) with { Watermark = Day(20) }]);
        var result = aggregator.Apply([Firm("ISS1", "behind", 10, 0.5) with { Watermark = Day(13) }]);
        Assert.Empty(result.RejectedTexts);
        Assert.Equal((Day(10), 1), (result.Changed[0].Day, result.Changed[0].FirmCount));
        Assert.Equal(Day(20), aggregator.Watermark);
    }

    [Fact]
    public void Watermark_AdvancesWithTheStamp_NotJustTheDay()
    {
        var aggregator = new DailyAggregator();
        aggregator.Apply([Firm("ISS1", "a", 10, 0.5) with { Watermark = Day(12) }]);
        Assert.Equal(Day(12), aggregator.Watermark);
    }

    [Fact]
    public void UnstampedText_IsJudgedAgainstThisInstancesWatermark()
    {
        var aggregator = new DailyAggregator();
        aggregator.Apply([Firm("ISS2", "ahead", 20, 0.1) with { Watermark = Day(20) }]);
        var rejected = Assert.Single(aggregator.Apply([Firm("ISS1", "old-producer", 10, 0.5)]).RejectedTexts);
        Assert.Equal(RejectionReasons.TooLate, rejected.ReasonCode);
        Assert.Contains("carries no ingest watermark", rejected.Reason, StringComparison.Ordinal);
    }
}
