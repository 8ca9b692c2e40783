using StreamRisk.Core.Events;
using StreamRisk.RiskModels.Data;

namespace StreamRisk.RiskModels.Tests.Data;

public class SpreadDataset_NoLookAhead
{
    [Theory]
    [InlineData(6)]
    [InlineData(37)]
    [InlineData(120)]
    public void AnExampleWindow_IsUnchanged_WhenEverythingAfterItsOriginChanges(int originRow)
    {
        var (spreads, index, statements) = TestMarkets.Events(2, 200, seed: 3);
        var original = new SpreadDataset(MarketSeriesBuilder.Build(spreads, index, statements), 7, SpreadFeatures.DefaultHorizons);
        var originDay = original.Series[0].Days[originRow];

        // Every input dated after the origin is replaced: other spreads, another index (also late revisions of later
        // days), statements published later.
        var random = new Random(9);
        var changedSpreads = spreads.Select(s => s.Day > originDay ? s with { SpreadBps = 50 + 500 * random.NextDouble() } : s).ToList();
        var changedIndex = index.Select(d => d.Day > originDay ? d with { Smoothed = -3, FirmScore = -1, Composite = -1, Revision = 4 } : d).ToList();
        changedIndex.Add(new DailySentiment("late", "I000", originDay.AddDays(1), 7, -1, 1, -1, -1, -5, []));
        var changedStatements = statements.Select(f => DateOnly.FromDateTime(f.PublishedAt.UtcDateTime) > originDay
            ? f with { Indicators = new Dictionary<string, double> { ["debt_to_assets"] = 0.99, ["interest_coverage"] = 0.2 } } : f).ToList();
        changedStatements.Add(new Fundamentals("I000", originDay, new DateTimeOffset(originDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            new Dictionary<string, double> { ["debt_to_assets"] = 0.9 }));
        var changed = new SpreadDataset(MarketSeriesBuilder.Build(changedSpreads, changedIndex, changedStatements), 7, SpreadFeatures.DefaultHorizons);

        var example = new SpreadExample(0, originRow);
        var columns = Enumerable.Range(0, SpreadFeatures.All.Count).ToArray();
        var before = new double[7 * columns.Length];
        var after = new double[7 * columns.Length];
        original.WindowValues(example, columns, before);
        changed.WindowValues(example, columns, after);
        Assert.Equal(before, after);
        Assert.Equal(original.Series[0].IndexDays[originRow], changed.Series[0].IndexDays[originRow]);
        Assert.True(original.Series[0].IndexDays[originRow] <= originDay);

        // ...while the targets (which are meant to be in the future) do change.
        var y0 = new double[6];
        var y1 = new double[6];
        original.Targets(example, y0);
        changed.Targets(example, y1);
        Assert.NotEqual(y0, y1);
    }

    [Fact]
    public void Splits_AreChronological_AndTrainTargetsEndBeforeValidation()
    {
        var dataset = new SpreadDataset(TestMarkets.Series(3, 300, seed: 1), 7, SpreadFeatures.DefaultHorizons);
        Assert.NotEmpty(dataset.Train);
        Assert.NotEmpty(dataset.Validation);
        Assert.NotEmpty(dataset.Test);
        Assert.All(dataset.Train, e => Assert.True(dataset.Series[e.Series].Days[e.Origin + 20] < dataset.ValidationStart));
        Assert.All(dataset.Validation, e =>
        {
            Assert.True(dataset.OriginDay(e) >= dataset.ValidationStart);
            Assert.True(dataset.Series[e.Series].Days[e.Origin + 20] < dataset.TestStart);
        });
        Assert.All(dataset.Test, e => Assert.True(dataset.OriginDay(e) >= dataset.TestStart));
    }
}
