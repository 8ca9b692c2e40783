using StreamRisk.RiskModels.Training.Reports;

namespace StreamRisk.RiskModels.Training.Tests.Reports;

public sealed class SpreadReport_AggregationOutcome
{
    [Fact]
    public void A_learned_combination_wins_only_when_better_somewhere_and_worse_nowhere()
    {
        Assert.StartsWith("**better than the fixed weights** (significantly more accurate at h = 1, 2,", SpreadReport.AggregationOutcome([1, 2], []));
        // Better at some horizons and worse at another (the 1,000 x 5 market's AttnMLP) is mixed, not "worse".
        Assert.Equal("**mixed, so it does not beat the fixed weights** (significantly more accurate at h = 1, 2, 5, less accurate at h = 4)",
            SpreadReport.AggregationOutcome([1, 2, 5], [4]));
        Assert.Equal("**worse than the fixed weights** (significantly less accurate at h = 20)", SpreadReport.AggregationOutcome([], [20]));
        Assert.StartsWith("**does not beat the fixed weights**", SpreadReport.AggregationOutcome([], []));
    }
}
