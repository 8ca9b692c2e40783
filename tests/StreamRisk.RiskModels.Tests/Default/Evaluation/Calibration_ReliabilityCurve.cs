using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.RiskModels.Default.Evaluation;

namespace StreamRisk.RiskModels.Tests.Default.Evaluation;

public sealed class Calibration_ReliabilityCurve
{
    [Fact]
    public void Two_bins_by_hand()
    {
        // P(defaulted) of DefaultMetrics_HandWorked: 0.1, 0.2, 0.3, 0.2, 0.6, 0.4; rows 4 and 5 defaulted.
        double[] p = [0.1, 0.2, 0.3, 0.2, 0.6, 0.4];
        bool[] y = [false, false, false, false, true, true];
        var curve = Calibration.ReliabilityCurve(p, y, bins: 2);
        // [0, 0.5): 0.1 0.2 0.3 0.2 0.4 → mean 0.24, one positive of five (0.2); [0.5, 1]: 0.6 → mean 0.6, observed 1.
        Assert.Equal(new ReliabilityBin(0, 0.5, 0.24, 0.2, 5), curve[0] with { MeanPredicted = Math.Round(curve[0].MeanPredicted, 12) });
        Assert.Equal(new ReliabilityBin(0.5, 1, 0.6, 1, 1), curve[1]);
        // ECE = 5/6·|0.24 − 0.2| + 1/6·|0.6 − 1| = 0.0333… + 0.0666… = 0.1.
        Assert.Equal(0.1, Calibration.ExpectedCalibrationError(curve), 12);
    }

    [Fact]
    public void One_lands_in_the_last_bin_and_empty_bins_are_kept()
    {
        var curve = Calibration.ReliabilityCurve([1.0, 0.0], [true, false], bins: 4);
        Assert.Equal(4, curve.Count);
        Assert.Equal(1, curve[3].Count);
        Assert.Equal(1, curve[0].Count);
        Assert.Equal(0, curve[1].Count);
        Assert.True(double.IsNaN(curve[1].MeanPredicted));
        Assert.Equal(0, Calibration.ExpectedCalibrationError(curve));
    }

    [Fact]
    public void Class_wise_ece_is_the_mean_over_classes()
    {
        double[][] p = [[0.7, 0.2, 0.1], [0.4, 0.4, 0.2], [0.2, 0.5, 0.3], [0.5, 0.3, 0.2], [0.1, 0.3, 0.6], [0.2, 0.4, 0.4]];
        int[] labels = [0, 0, 1, 1, 2, 2];
        var m = DefaultMetrics.Of(p, labels, calibrationBins: 2);
        // Defaulted as above: 0.1. Performing: [0, .5): 0.4 0.2 0.1 0.2 (one positive) mean 0.225, obs 0.25;
        // [.5, 1]: 0.7 0.5 (one positive) mean 0.6, obs 0.5 → 4/6·0.025 + 2/6·0.1 = 0.05.
        // Extended: [0, .5): 0.2 0.4 0.3 0.3 0.4 (one positive, row 3) mean 0.32, obs 0.2; [.5, 1]: 0.5 (positive) mean
        // 0.5, obs 1 → 5/6·0.12 + 1/6·0.5 = 0.1 + 0.08333 = 0.18333.
        Assert.Equal(0.05, m.Classes[0].Ece, 12);
        Assert.Equal(0.1 + 0.5 / 6, m.Classes[1].Ece, 12);
        Assert.Equal(0.1, m.Classes[2].Ece, 12);
        Assert.Equal((0.05 + 0.1 + 0.5 / 6 + 0.1) / 3, m.MacroEce, 12);
    }

    [Property(MaxTest = 200)]
    public Property Bins_hold_every_row_and_ece_lies_in_zero_one(PositiveInt seed, PositiveInt bins)
    {
        var random = new Random(seed.Get);
        var n = 1 + random.Next(80);
        var p = Enumerable.Range(0, n).Select(_ => random.Next(11) / 10.0).ToArray(); // 0 and 1 included
        var y = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.4).ToArray();
        var curve = Calibration.ReliabilityCurve(p, y, 1 + bins.Get % 20);
        var ece = Calibration.ExpectedCalibrationError(curve);
        // A forecast equal to the truth is perfectly calibrated.
        var perfect = Calibration.ExpectedCalibrationError(Calibration.ReliabilityCurve(y.Select(v => v ? 1.0 : 0).ToArray(), y, 1 + bins.Get % 20));
        return (curve.Sum(b => b.Count) == n && ece is >= 0 and <= 1 && perfect == 0).ToProperty();
    }
}
