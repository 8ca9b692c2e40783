using StreamRisk.RiskModels.Evaluation;

namespace StreamRisk.RiskModels.Tests.Evaluation;

public class DieboldMariano_HandWorked
{
    // d = 1, 2, 3, 4: mean 2.5; γ0 = (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25; γ1 = (0.75 − 0.25 + 0.75) / 4 = 0.3125.
    [Fact]
    public void OneStep_UsesTheVarianceOnly()
    {
        var result = DieboldMariano.Test([1, 2, 3, 4], horizon: 1);
        // DM = 2.5 / √(1.25 / 4) = 2.5 / 0.559017 = 4.472136
        Assert.Equal(4.472136, result.Statistic, 5);
        Assert.Equal(2.5, result.MeanDifference, 12);
        Assert.Equal(4, result.Periods);
        // p = 2 (1 − Φ(4.472136)) = 7.74e-6
        Assert.Equal(7.74e-6, result.PValue, 7);
    }

    [Fact]
    public void TwoStep_AddsTheBartlettWeightedFirstAutocovariance()
    {
        // V = 1.25 + 2 · (1 − 1/2) · 0.3125 = 1.5625; DM = 2.5 / √(1.5625 / 4) = 2.5 / 0.625 = 4.
        var result = DieboldMariano.Test([1, 2, 3, 4], horizon: 2);
        Assert.Equal(4.0, result.Statistic, 9);
        // p = 2 (1 − Φ(4)) = 6.334e-5
        Assert.Equal(6.334e-5, result.PValue, 7);
    }

    [Fact]
    public void EqualLosses_GiveNoEvidence()
    {
        var result = DieboldMariano.Test([0, 0, 0], horizon: 1);
        Assert.Equal(0, result.Statistic);
        Assert.Equal(1, result.PValue);
    }

    [Fact]
    public void NormalCdf_MatchesKnownValues()
    {
        Assert.Equal(0.5, NormalDistribution.Cdf(0), 7);
        Assert.Equal(0.975002, NormalDistribution.Cdf(1.96), 6);
        Assert.Equal(0.158655, NormalDistribution.Cdf(-1), 6);
    }
}
