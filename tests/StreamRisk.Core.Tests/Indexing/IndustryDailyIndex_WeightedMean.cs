using StreamRisk.Core.Indexing;
using static StreamRisk.Core.Tests.Indexing.IndexingEvents;

namespace StreamRisk.Core.Tests.Indexing;

public sealed class IndustryDailyIndex_WeightedMean
{
    private static IndustryDailyIndex Index() => new(new Dictionary<string, IReadOnlyList<string>> { ["ISS1"] = ["BANK"] });

    [Fact]
    public void DayValue_IsTheWeightedMeanOfItsTexts()
    {
        var update = Index().Apply([Industry("BANK", "a", 0, -0.6, weight: 2.0), Industry("BANK", "b", 0, 0.3, weight: 1.0)]);
        var value = Assert.Single(update.ChangedIndustryDays);
        Assert.Equal((2 * -0.6 + 0.3) / 3, value.WeightedMean, 10);
        Assert.Equal(2, value.TextCount);
        Assert.Equal(0, value.Revision);
    }

    [Fact]
    public void NegativeWeight_FlipsTheTextsDirection()
    {
        var update = Index().Apply([Industry("BANK", "a", 0, -0.6, weight: -0.5), Industry("BANK", "b", 0, 0.2, weight: 0.5)]);
        Assert.Equal((-0.5 * -0.6 + 0.5 * 0.2) / 1.0, Assert.Single(update.ChangedIndustryDays).WeightedMean, 10);
    }

    [Fact]
    public void DayWithOnlyWeightlessTexts_HasNoValue()
    {
        var index = Index();
        var update = index.Apply([Industry("BANK", "a", 0, -0.6, weight: 0)]);
        Assert.Empty(update.ChangedIndustryDays);
        Assert.Empty(update.IssuerMesoScores);
        Assert.Null(index.IndustryZScore("BANK", Day(0)));
    }

    [Fact]
    public void SameEventIdTwice_CountsOnce_AndInvalidTextsAreReturned()
    {
        var index = Index();
        var update = index.Apply([Industry("BANK", "a", 0, -0.6), Industry("BANK", "a", 0, -0.6), Industry("BANK", "b", 0, double.NaN)]);
        Assert.Equal(1, Assert.Single(update.ChangedIndustryDays).TextCount);
        Assert.Equal(RejectionReasons.Invalid, Assert.Single(update.Rejected).ReasonCode);
        Assert.Empty(index.Apply([Industry("BANK", "a", 0, -0.6)]).ChangedIndustryDays);
    }
}
