using StreamRisk.Core.Events;
using StreamRisk.Core.Indexing;
using static StreamRisk.Core.Tests.Indexing.IndexingEvents;

namespace StreamRisk.Core.Tests.Indexing;

public sealed class DailyAggregator_DailyMean
{
    [Fact]
    public void DayValue_IsTheMeanOfItsTexts_WeightedIntoTheComposite()
    {
        var aggregator = new DailyAggregator();
        var result = aggregator.Apply([Firm("ISS1", "d1", 0, -0.6), Firm("ISS1", "d2", 0, 0.2), Firm("ISS1", "d3", 0, -0.1)]);

        var value = Assert.Single(result.Changed);
        Assert.Equal("ISS1:2024-03-01:r0", value.EventId);
        Assert.Equal(0, value.Revision);
        Assert.Equal(3, value.FirmCount);
        Assert.Equal(-0.5 / 3, value.FirmScore!.Value, 10);
        Assert.Null(value.MesoScore);
        Assert.Equal(0.7 * (-0.5 / 3), value.Composite, 10);
        Assert.Equal(value.Composite, value.Smoothed);
        Assert.Equal(["d1", "d2", "d3"], value.TopDocIds);
    }

    [Fact]
    public void TopDocIds_KeepTheThreeLargestMagnitudes()
    {
        var aggregator = new DailyAggregator();
        var value = Assert.Single(aggregator.Apply(
            [Firm("ISS1", "a", 0, 0.1), Firm("ISS1", "b", 0, -0.9), Firm("ISS1", "c", 0, 0.5), Firm("ISS1", "d", 0, -0.5)]).Changed);
        Assert.Equal(["b", "c", "d"], value.TopDocIds);
    }

    [Fact]
    public void DayWithoutTexts_UsesTheMesoScoreOnly()
    {
        var aggregator = new DailyAggregator();
        var value = Assert.Single(aggregator.Apply([], [new IssuerMesoScore("ISS1", Day(0), -1.5)]).Changed);
        Assert.Null(value.FirmScore);
        Assert.Equal(0, value.FirmCount);
        Assert.Equal(-1.5, value.MesoScore);
        Assert.Equal(0.3 * -1.5, value.Composite, 12);
    }

    [Fact]
    public void FirmAndMeso_AreCombinedWithTheConfiguredWeights()
    {
        var aggregator = new DailyAggregator(new DailyAggregatorOptions { FirmWeight = 0.5, MesoWeight = 0.5 });
        var value = Assert.Single(aggregator.Apply([Firm("ISS1", "a", 0, 0.4)], [new IssuerMesoScore("ISS1", Day(0), 1.0)]).Changed);
        Assert.Equal(0.5 * 0.4 + 0.5 * 1.0, value.Composite, 10);
    }

    [Fact]
    public void GapDays_AreZeroFilled_EmittedAndSmoothedOnTheDailyGrid()
    {
        var aggregator = new DailyAggregator();
        aggregator.Apply([Firm("ISS1", "a", 0, -0.8)]);
        var result = aggregator.Apply([Firm("ISS1", "b", 3, 0.4)]);

        Assert.Equal([Day(1), Day(2), Day(3)], result.Changed.Select(v => v.Day));
        Assert.All(result.Changed.Take(2), v => Assert.Equal(0, v.Composite));
        var composite = new[] { 0.7 * -0.8, 0, 0, 0.7 * 0.4 };
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(SmootherFixture.Default.SmoothAt(composite, i), result.Changed[i - 1].Smoothed, 10);
        }

        Assert.True(aggregator.TryGetIssuer("ISS1", out var index));
        Assert.Equal(Day(0), index.FirstDay);
        Assert.Equal(4, index.DayCount);
    }

    [Fact]
    public void Day_IsTheUtcDayOfPublication()
    {
        var aggregator = new DailyAggregator();
        var text = Firm("ISS1", "a", 1, 0.3) with { PublishedAt = new DateTimeOffset(2024, 3, 2, 1, 0, 0, TimeSpan.FromHours(5)) };
        Assert.Equal(new DateOnly(2024, 3, 1), Assert.Single(aggregator.Apply([text]).Changed).Day);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(1.5)]
    public void InvalidScore_IsReturnedAsInvalid(double score)
    {
        var aggregator = new DailyAggregator();
        var result = aggregator.Apply([Firm("ISS1", "a", 0, score)]);
        Assert.Empty(result.Changed);
        Assert.Equal(RejectionReasons.Invalid, Assert.Single(result.RejectedTexts).ReasonCode);
        Assert.Null(aggregator.Watermark);
    }

    [Fact]
    public void Batch_EmitsInIssuerThenDayOrder()
    {
        var aggregator = new DailyAggregator();
        var result = aggregator.Apply(
            [Firm("ISS2", "a", 1, 0.1), Firm("ISS1", "b", 1, 0.1), Firm("ISS2", "c", 0, 0.2), Firm("ISS1", "d", 0, 0.3)]);
        Assert.Equal(
            [("ISS1", Day(0)), ("ISS1", Day(1)), ("ISS2", Day(0)), ("ISS2", Day(1))],
            result.Changed.Select(v => (v.IssuerId, v.Day)));
    }
}
