using StreamRisk.Core.Indexing;
using static StreamRisk.Core.Tests.Indexing.IndexingEvents;

namespace StreamRisk.Core.Tests.Indexing;

public sealed class IndustryDailyIndex_LateArrivals
{
    private static IndustryDailyIndex TwelveDays()
    {
        var index = new IndustryDailyIndex(
            new Dictionary<string, IReadOnlyList<string>> { ["ISS1"] = ["BANK"] },
            new IndustryIndexOptions { ZScoreMinCount = 3, MesoReleaseDays = 0 });
        for (var day = 0; day < 12; day++)
        {
            index.Apply([Industry("BANK", $"d{day}", day, (day % 5 - 2) * 0.2)]);
        }

        return index;
    }

    [Fact]
    public void LateTextWithinLateness_ReEmitsItsDayAndTheLaterDaysWhoseZScoreChanged()
    {
        var index = TwelveDays();
        var update = index.Apply([Industry("BANK", "late", 9, -1.0)]);

        Assert.Equal([Day(9), Day(10), Day(11)], update.ChangedIndustryDays.Select(v => v.Day));
        Assert.All(update.ChangedIndustryDays, v => Assert.Equal(1, v.Revision));
        Assert.Equal([Day(9), Day(10), Day(11)], update.IssuerMesoScores.Select(m => m.Day));
    }

    [Fact]
    public void TextOlderThanLateness_IsReturnedAsTooLate()
    {
        var index = TwelveDays();
        var before = index.IndustryZScore("BANK", Day(11));
        var update = index.Apply([Industry("BANK", "late", 7, -1.0)]);
        Assert.Equal(RejectionReasons.TooLate, Assert.Single(update.Rejected).ReasonCode);
        Assert.Empty(update.ChangedIndustryDays);
        Assert.Equal(before, index.IndustryZScore("BANK", Day(11)));
    }
}
