using StreamRisk.Core.Indexing;

namespace StreamRisk.Core.Tests.Indexing;

public sealed class Daubechies4Filter_Properties
{
    [Fact]
    public void ScalingFilter_SumsToSqrt2_AndHasUnitEnergy()
    {
        var h = Daubechies4Filter.ScalingFilter;
        double sum = 0, energy = 0;
        foreach (var c in h)
        {
            sum += c;
            energy += c * c;
        }

        Assert.Equal(Math.Sqrt(2), sum, 1e-15);
        Assert.Equal(1.0, energy, 1e-15);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ScalingFilter_IsOrthogonalToItsEvenShifts(int shift)
    {
        var h = Daubechies4Filter.ScalingFilter;
        double dot = 0;
        for (var n = 0; n + 2 * shift < h.Length; n++)
        {
            dot += h[n] * h[n + 2 * shift];
        }

        Assert.Equal(0.0, dot, 1e-15);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void WaveletFilter_HasFourVanishingMoments(int moment)
    {
        var g = Daubechies4Filter.WaveletFilter();
        double sum = 0;
        for (var n = 0; n < g.Length; n++)
        {
            sum += g[n] * Math.Pow(n, moment);
        }

        Assert.Equal(0.0, sum, 1e-12);
    }

    [Fact]
    public void WaveletFilter_FifthMomentDoesNotVanish_SoItIsDb4NotAHigherOrder()
    {
        var g = Daubechies4Filter.WaveletFilter();
        double sum = 0;
        for (var n = 0; n < g.Length; n++)
        {
            sum += g[n] * Math.Pow(n, 4);
        }

        Assert.True(Math.Abs(sum) > 1e-3, $"fourth-power moment {sum}");
    }
}
