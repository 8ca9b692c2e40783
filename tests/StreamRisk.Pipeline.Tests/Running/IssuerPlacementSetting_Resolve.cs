using StreamRisk.Core.Graph;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Running;

/// <summary>The placement threshold from --placement-threshold, else STREAMRISK_PLACEMENT_THRESHOLD, else the default; checked.</summary>
public sealed class IssuerPlacementSetting_Resolve
{
    private static IssuerPlacementOptions Resolve(double? option, string? variable) =>
        IssuerPlacementSetting.Resolve(option, name => name == IssuerPlacementSetting.ThresholdVariable ? variable : null);

    [Fact]
    public void The_option_wins_over_the_variable_and_the_default_fills_in()
    {
        Assert.Equal(0.4, Resolve(0.4, "0.1").Threshold);
        Assert.Equal(0.1, Resolve(null, " 0.1 ").Threshold);
        Assert.Equal(IssuerPlacementOptions.DefaultThreshold, Resolve(null, null).Threshold);
        Assert.Equal(IssuerPlacementOptions.DefaultThreshold, Resolve(null, "  ").Threshold);
        Assert.Equal(0, Resolve(0, null).Threshold);
        Assert.Equal(1, Resolve(null, "1").Threshold);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void An_option_outside_zero_to_one_names_the_option(double threshold)
    {
        var e = Assert.Throws<ConfigurationException>(() => Resolve(threshold, null));

        Assert.StartsWith("--placement-threshold must be a number in [0, 1]", e.Message);
    }

    [Theory]
    [InlineData("abc", "is not a number")]
    [InlineData("0,3", "is not a number")]
    [InlineData("2", "must be a number in [0, 1]")]
    public void A_bad_variable_names_the_variable(string value, string problem)
    {
        var e = Assert.Throws<ConfigurationException>(() => Resolve(null, value));

        Assert.StartsWith("STREAMRISK_PLACEMENT_THRESHOLD", e.Message);
        Assert.Contains(problem, e.Message);
    }
}
