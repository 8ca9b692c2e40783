using StreamRisk.RiskModels.Default;

namespace StreamRisk.RiskModels.Tests.Default;

public class KMeans_TinySet
{
    [Fact]
    public void TwoObviousGroups_AreFound_WithTheirMeansAsCentroids()
    {
        // (0,0) (0,1) (1,0) around (1/3, 1/3); (10,10) (10,11) around (10, 10.5).
        float[] points = [0, 0, 0, 1, 1, 0, 10, 10, 10, 11];
        var result = KMeans.Fit(points, dimension: 2, k: 2, seed: 4);
        Assert.Equal(result.Labels[0], result.Labels[1]);
        Assert.Equal(result.Labels[0], result.Labels[2]);
        Assert.Equal(result.Labels[3], result.Labels[4]);
        Assert.NotEqual(result.Labels[0], result.Labels[3]);
        var small = result.Labels[0];
        Assert.Equal(1f / 3, result.Centroids[small * 2], 5);
        Assert.Equal(1f / 3, result.Centroids[small * 2 + 1], 5);
        Assert.Equal(10f, result.Centroids[(1 - small) * 2], 5);
        Assert.Equal(10.5f, result.Centroids[(1 - small) * 2 + 1], 5);
    }

    [Fact]
    public void TheSameSeed_GivesTheSameClusters()
    {
        var random = new Random(1);
        var points = Enumerable.Range(0, 300).Select(_ => (float)random.NextDouble()).ToArray();
        var a = KMeans.Fit(points, 3, 4, seed: 9);
        var b = KMeans.Fit(points, 3, 4, seed: 9);
        Assert.Equal(a.Labels, b.Labels);
        Assert.Equal(a.Centroids, b.Centroids);
        Assert.Equal(4, a.Labels.Distinct().Count());
    }
}
