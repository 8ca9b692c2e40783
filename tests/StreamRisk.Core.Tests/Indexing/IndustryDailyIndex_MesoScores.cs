using StreamRisk.Core.Indexing;
using static StreamRisk.Core.Tests.Indexing.IndexingEvents;

namespace StreamRisk.Core.Tests.Indexing;

public sealed class IndustryDailyIndex_MesoScores
{
    private static IndustryDailyIndex WithHistory()
    {
        var membership = new Dictionary<string, IReadOnlyList<string>>
        {
            ["ISS-B"] = ["BANK", "INSURANCE"],
            ["ISS-A"] = ["BANK"],
            ["ISS-C"] = ["STEEL"],
        };
        var index = new IndustryDailyIndex(membership, new IndustryIndexOptions { ZScoreMinCount = 3, MesoReleaseDays = 0 });
        for (var day = 0; day < 10; day++)
        {
            index.Apply([Industry("BANK", $"b{day}", day, (day % 3 - 1) * 0.3), Industry("INSURANCE", $"i{day}", day, (day % 4 - 1.5) * 0.2)]);
        }

        return index;
    }

    [Fact]
    public void MesoScore_IsTheMeanZScoreOfTheIssuersIndustriesWithData()
    {
        var index = WithHistory();
        var update = index.Apply([Industry("BANK", "x", 10, -0.9), Industry("INSURANCE", "y", 10, 0.4)]);

        var bank = index.IndustryZScore("BANK", Day(10))!.Value;
        var insurance = index.IndustryZScore("INSURANCE", Day(10))!.Value;
        Assert.Equal(
            [("ISS-A", Day(10), bank), ("ISS-B", Day(10), (bank + insurance) / 2)],
            update.IssuerMesoScores.Select(m => (m.IssuerId, m.Day, m.MesoScore!.Value)));
    }

    [Fact]
    public void IndustryWithoutDataThatDay_IsExcluded_AndIssuerWithNoneGetsNull()
    {
        var index = WithHistory();
        var update = index.Apply([Industry("BANK", "x", 10, -0.9)]);
        var bank = index.IndustryZScore("BANK", Day(10))!.Value;
        Assert.Equal(bank, update.IssuerMesoScores.Single(m => m.IssuerId == "ISS-B").MesoScore);
        Assert.Null(index.MesoScore("ISS-C", Day(10)));
        Assert.Null(index.MesoScore("UNKNOWN", Day(10)));
    }

    [Fact]
    public void MesoScores_FeedTheDailyAggregator()
    {
        var index = WithHistory();
        var aggregator = new DailyAggregator();
        var update = index.Apply([Industry("BANK", "x", 10, -0.9)]);
        var changed = aggregator.Apply([], update.IssuerMesoScores).Changed;
        Assert.Equal(update.IssuerMesoScores.Select(m => (m.IssuerId, m.MesoScore)), changed.Select(v => (v.IssuerId, v.MesoScore)));
    }
}
