using StreamRisk.Core.Indexing;
using static StreamRisk.Core.Tests.Indexing.IndexingEvents;

namespace StreamRisk.Core.Tests.Indexing;

/// <summary>An industry text on time by its stamp whose day's state is already pruned comes back as <c>day_pruned</c>.</summary>
public sealed class IndustryDailyIndex_PrunedDays
{
    private static IndustryDailyIndex FortyDays()
    {
        var index = new IndustryDailyIndex(
            new Dictionary<string, IReadOnlyList<string>> { ["ISS1"] = ["BANK"] },
            new IndustryIndexOptions { ZScoreMinCount = 3, PruneMarginDays = 28 });
        for (var day = 0; day <= 40; day++)
        {
            index.Apply([Industry("BANK", $"d{day}", day, (day % 5 - 2) * 0.2) with { Watermark = Day(day) }]);
        }

        return index;
    }

    [Fact]
    public void OnTimeTextForAPrunedDay_IsReturnedAsDayPruned_AndNothingThrows()
    {
        var index = FortyDays();
        var before = index.IndustryZScore("BANK", Day(40));
        var onGrid = Industry("BANK", "reordered", 5, -1.0) with { Watermark = Day(7) };
        var offGrid = Industry("STEEL", "reordered", 5, -1.0) with { Watermark = Day(7) };
        var update = index.Apply([onGrid, offGrid]);

        Assert.Equal([onGrid, offGrid], update.Rejected.Select(r => r.Input));
        Assert.All(update.Rejected, r => Assert.Equal(RejectionReasons.DayPruned, r.ReasonCode));
        Assert.Contains("PruneMarginDays", update.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Empty(update.ChangedIndustryDays);
        Assert.Empty(update.IssuerMesoScores);
        Assert.Equal(before, index.IndustryZScore("BANK", Day(40)));
    }

    [Fact]
    public void TextWithinTheMargin_ReopensItsDay()
    {
        var index = FortyDays();
        // Behind this index's watermark (day 40) by more than the lateness, but on time by its own stamp.
        var update = index.Apply([Industry("BANK", "reordered", 20, -1.0) with { Watermark = Day(22) }]);
        Assert.Empty(update.Rejected);
        Assert.Equal(Day(20), update.ChangedIndustryDays[0].Day);
        Assert.Equal(1, update.ChangedIndustryDays[0].Revision);
    }
}
