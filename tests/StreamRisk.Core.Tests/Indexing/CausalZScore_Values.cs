using StreamRisk.Core.Indexing;

namespace StreamRisk.Core.Tests.Indexing;

public sealed class CausalZScore_Values
{
    [Fact]
    public void ZScore_UsesOnlyTheTrailingWindow()
    {
        var z = new CausalZScore(window: 4, minCount: 3);
        double[] series = [100, 1, 2, 3, 4, 10];
        // Days 1..4 are the window of day 5; day 0 (100) is outside it.
        var past = new[] { 1.0, 2, 3, 4 };
        var mean = past.Average();
        var sd = Math.Sqrt(past.Sum(x => (x - mean) * (x - mean)) / (past.Length - 1));
        Assert.Equal((10 - mean) / sd, z.At(series, 5), 12);
    }

    [Fact]
    public void BeforeMinimumCount_ZScoreIsZero_AndMissingDaysAreSkipped()
    {
        var z = new CausalZScore(window: 10, minCount: 3);
        double[] series = [1, double.NaN, 2, 5, double.NaN, 3, 9];
        var scores = new double[series.Length];
        z.Compute(series, scores);
        Assert.Equal(0, scores[0]);
        Assert.True(double.IsNaN(scores[1]));
        Assert.Equal(0, scores[2]);
        Assert.Equal(0, scores[3]);
        Assert.True(double.IsNaN(scores[4]));
        Assert.NotEqual(0, scores[5]);
        Assert.True(scores[6] > 1);
    }

    [Fact]
    public void FlatHistory_GivesZero()
    {
        var z = new CausalZScore(window: 10, minCount: 3);
        Assert.Equal(0, z.At([2, 2, 2, 2, 7], 4));
    }

    [Fact]
    public void InvalidSettings_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CausalZScore(window: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CausalZScore(window: 10, minCount: 11));
    }
}
