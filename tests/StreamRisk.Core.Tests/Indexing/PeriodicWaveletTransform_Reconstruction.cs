using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Indexing;

namespace StreamRisk.Core.Tests.Indexing;

public sealed class PeriodicWaveletTransform_Reconstruction
{
    private static Arbitrary<(double[] Signal, int Level)> Signals() =>
        (from level in Gen.Choose(1, 7)
         from blocks in Gen.Choose(1, 6)
         from signal in Gen.ArrayOf(Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 1000.0), blocks << level)
         select (signal, level)).ToArbitrary();

    [Property(MaxTest = 200)]
    public Property KeepingDetails_ReconstructsTheSignal() => Prop.ForAll(Signals(), s =>
    {
        var coefficients = (double[])s.Signal.Clone();
        PeriodicWaveletTransform.Decompose(coefficients, s.Level);
        PeriodicWaveletTransform.Reconstruct(coefficients, s.Level);
        var scale = Math.Max(1, s.Signal.Max(Math.Abs));
        for (var i = 0; i < s.Signal.Length; i++)
        {
            if (Math.Abs(coefficients[i] - s.Signal[i]) > 1e-13 * scale)
            {
                return false;
            }
        }

        return true;
    });

    [Property(MaxTest = 200)]
    public Property Transform_PreservesEnergy() => Prop.ForAll(Signals(), s =>
    {
        var coefficients = (double[])s.Signal.Clone();
        PeriodicWaveletTransform.Decompose(coefficients, s.Level);
        var before = s.Signal.Sum(x => x * x);
        var after = coefficients.Sum(x => x * x);
        return Math.Abs(before - after) <= 1e-13 * Math.Max(1, before);
    });

    [Property(MaxTest = 100)]
    public Property ZeroingDetails_IsAProjection() => Prop.ForAll(Signals(), s =>
    {
        var once = Project(s.Signal, s.Level);
        var twice = Project(once, s.Level);
        return once.Zip(twice).All(p => Math.Abs(p.First - p.Second) <= 1e-9 * Math.Max(1, Math.Abs(p.First)));
    });

    [Fact]
    public void OddLengthOrTooDeepLevel_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodicWaveletTransform.Decompose(new double[6], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodicWaveletTransform.Reconstruct(new double[7], 1));
        Assert.Equal(3, PeriodicWaveletTransform.MaxLevel(24));
    }

    private static double[] Project(double[] signal, int level)
    {
        var c = (double[])signal.Clone();
        PeriodicWaveletTransform.Decompose(c, level);
        PeriodicWaveletTransform.ZeroDetails(c, level);
        PeriodicWaveletTransform.Reconstruct(c, level);
        return c;
    }
}
