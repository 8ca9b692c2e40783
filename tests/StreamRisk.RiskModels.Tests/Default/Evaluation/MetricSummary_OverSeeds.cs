using StreamRisk.RiskModels.Default.Evaluation;

namespace StreamRisk.RiskModels.Tests.Default.Evaluation;

public sealed class MetricSummary_OverSeeds
{
    [Fact]
    public void Mean_and_sample_sd()
    {
        // 1, 2, 3, 6: mean 3; squared deviations 4 + 1 + 0 + 9 = 14; sd = √(14 / 3) = 2.160247.
        var s = MetricSummary.Of("x", [1, 2, 3, 6, double.NaN]);
        Assert.Equal(3, s.Mean, 12);
        Assert.Equal(Math.Sqrt(14.0 / 3), s.StandardDeviation, 12);
        Assert.Equal(4, s.Runs);
        Assert.Equal(0, MetricSummary.Of("x", [0.5]).StandardDeviation);
    }

    [Fact]
    public void Runs_that_miss_a_class_are_not_counted()
    {
        double[][] all = [[0.8, 0.1, 0.1], [0.1, 0.8, 0.1], [0.1, 0.1, 0.8]];
        double[][] never = [[0.8, 0.1, 0.1], [0.1, 0.8, 0.1], [0.1, 0.8, 0.1]];
        int[] labels = [0, 1, 2];
        var summary = DefaultMetricsSummary.Of([DefaultMetrics.Of(all, labels), DefaultMetrics.Of(never, labels), DefaultMetrics.Of(all, labels)]);
        Assert.Equal(2, summary.Counted);
        Assert.Equal(1, summary.Excluded);
        Assert.Equal(1, summary["macro_recall"].Mean, 12);
        Assert.Equal(0, summary["macro_recall"].StandardDeviation, 12);
    }
}
