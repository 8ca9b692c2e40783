using StreamRisk.Core.Indexing;
using static StreamRisk.Core.Tests.Indexing.IndexingEvents;

namespace StreamRisk.Core.Tests.Indexing;

public sealed class IndustryDailyIndex_ZScore
{
    [Fact]
    public void IndustryZScore_IsTheCausalZScoreOfItsDailyMeans_OverDaysWithData()
    {
        var options = new IndustryIndexOptions { ZScoreWindowDays = 20, ZScoreMinCount = 5 };
        var index = new IndustryDailyIndex(new Dictionary<string, IReadOnlyList<string>>(), options);
        var means = new double[40];
        for (var day = 0; day < 40; day++)
        {
            if (day % 7 == 3)
            {
                means[day] = double.NaN;
                continue;
            }

            means[day] = Math.Sin(day * 0.7) * 0.5;
            index.Apply([Industry("TECH", $"d{day}", day, means[day])]);
        }

        var zScore = new CausalZScore(20, 5);
        for (var day = 0; day < 40; day++)
        {
            var expected = zScore.At(means, day);
            var actual = index.IndustryZScore("TECH", Day(day));
            if (double.IsNaN(expected))
            {
                Assert.Null(actual);
            }
            else
            {
                Assert.Equal(expected, actual!.Value, 9);
            }
        }

        Assert.Contains(Enumerable.Range(0, 40), d => index.IndustryZScore("TECH", Day(d)) is { } z && Math.Abs(z) > 0.5);
    }
}
