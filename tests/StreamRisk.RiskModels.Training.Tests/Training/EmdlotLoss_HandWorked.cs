using StreamRisk.RiskModels.Training.Training;
using static TorchSharp.torch;

namespace StreamRisk.RiskModels.Training.Tests.Training;

public class EmdlotLoss_HandWorked
{
    [Fact]
    public void TheClassLoss_IsTheWeightedMeanNegativeLogProbabilityOfTheTrueClass()
    {
        // Two examples: true class 0 with P = 0.5, true class 2 with P = 0.25; weights 1 and 3:
        // (1·ln 2 + 3·ln 4) / (1 + 3) = (0.693147 + 4.158883) / 4 = 1.213008.
        using var p = tensor(new float[] { 0.5f, 0.3f, 0.2f, 0.5f, 0.25f, 0.25f }).view(2, 3);
        using var y = tensor(new long[] { 0, 2 });
        using var w = tensor(new float[] { 1, 2, 3 });
        Assert.Equal(1.213008, EmdlotLoss.ClassLoss(p, y, w).item<float>(), 4);
    }

    [Fact]
    public void TheUsageTerm_IsZeroForEvenUse_AndLnKWhenOneClusterTakesAll()
    {
        // Mean usage (0.5, 0.5): ln 2 − H = 0. All in cluster 0: ln 2 − 0 = 0.693147. Usage (0.75, 0.25): ln 2 − 0.562335 = 0.130812.
        using var even = tensor(new float[] { 1, 0, 0, 1 }).view(2, 2);
        using var one = tensor(new float[] { 1, 0, 1, 0 }).view(2, 2);
        using var skewed = tensor(new float[] { 1, 0, 0.5f, 0.5f }).view(2, 2);
        Assert.Equal(0, EmdlotLoss.UsageBalance(even).item<float>(), 5);
        Assert.Equal(0.693147, EmdlotLoss.UsageBalance(one).item<float>(), 5);
        Assert.Equal(0.130812, EmdlotLoss.UsageBalance(skewed).item<float>(), 5);
    }

    [Fact]
    public void TheSeparationTerm_IsOneOverTheMeanPairwiseCentroidDistance()
    {
        // Centroids (0,0), (3,0), (0,4): distances 3, 4, 5 → mean 4 → 0.25. Two centroids 5 apart → 0.2. One → 0.
        using var three = tensor(new float[] { 0, 0, 3, 0, 0, 4 }).view(3, 2);
        using var two = tensor(new float[] { 0, 0, 3, 4 }).view(2, 2);
        using var one = tensor(new float[] { 1, 1 }).view(1, 2);
        Assert.Equal(0.25, EmdlotLoss.Separation(three).item<float>(), 5);
        Assert.Equal(0.2, EmdlotLoss.Separation(two).item<float>(), 5);
        Assert.Equal(0, EmdlotLoss.Separation(one).item<float>());
    }

    [Fact]
    public void TheWarmupTerm_IsTheMeanNegativeLogMembershipOfTheKMeansCluster()
    {
        // −(ln 0.75 + ln 0.5) / 2 = (0.287682 + 0.693147) / 2 = 0.490415.
        using var a = tensor(new float[] { 0.25f, 0.75f, 0.5f, 0.5f }).view(2, 2);
        using var labels = tensor(new long[] { 1, 0 });
        Assert.Equal(0.490415, EmdlotLoss.ClusterWarmup(a, labels).item<float>(), 4);
    }
}
