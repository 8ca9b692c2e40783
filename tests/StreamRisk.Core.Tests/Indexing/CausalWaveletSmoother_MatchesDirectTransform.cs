using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Indexing;

namespace StreamRisk.Core.Tests.Indexing;

/// <summary>The precomputed causal filter must equal the procedure it stands for: DWT of the mirrored trailing window,
/// details zeroed, reconstructed, read at t.</summary>
public sealed class CausalWaveletSmoother_MatchesDirectTransform
{
    [Property(MaxTest = 200)]
    public Property SmoothedValue_EqualsReconstructedApproximationOfTrailingWindow() => Prop.ForAll(
        (from length in Gen.Choose(1, 400)
         from series in Gen.ArrayOf(Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 100_000.0), length)
         from t in Gen.Choose(0, length - 1)
         select (series, t)).ToArbitrary(),
        s =>
        {
            var smoother = SmootherFixture.Default;
            var expected = Direct(smoother, s.series, s.t);
            var actual = smoother.SmoothAt(s.series, s.t);
            return Math.Abs(expected - actual) <= 1e-11 * Math.Max(1, s.series.Max(Math.Abs));
        });

    [Fact]
    public void FullHistory_UsesConfiguredLevelAndWindow_ShortHistory_LowersTheLevel()
    {
        var smoother = SmootherFixture.Default;
        Assert.Equal((256, 6), smoother.EffectiveWindow(1000));
        Assert.Equal((256, 6), smoother.EffectiveWindow(256));
        Assert.Equal((224, 6), smoother.EffectiveWindow(255));
        Assert.Equal((64, 6), smoother.EffectiveWindow(64));
        Assert.Equal((48, 5), smoother.EffectiveWindow(63));
        Assert.Equal((2, 1), smoother.EffectiveWindow(2));
        Assert.Equal((1, 0), smoother.EffectiveWindow(1));
    }

    [Fact]
    public void FirstDay_IsReturnedUnchanged()
    {
        Assert.Equal(0.37, SmootherFixture.Default.SmoothAt([0.37, 5.0], 0));
    }

    [Fact]
    public void InvalidSettings_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CausalWaveletSmoother(level: 6, window: 32));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CausalWaveletSmoother(level: 6, window: 80));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CausalWaveletSmoother(level: 0));
    }

    private static double Direct(CausalWaveletSmoother smoother, double[] series, int t)
    {
        var (n, level) = smoother.EffectiveWindow(t + 1);
        var extended = new double[2 * n];
        for (var j = 0; j < n; j++)
        {
            extended[j] = series[t - n + 1 + j];
            extended[2 * n - 1 - j] = series[t - n + 1 + j];
        }

        PeriodicWaveletTransform.Decompose(extended, level);
        PeriodicWaveletTransform.ZeroDetails(extended, level);
        PeriodicWaveletTransform.Reconstruct(extended, level);
        return extended[n - 1];
    }
}
