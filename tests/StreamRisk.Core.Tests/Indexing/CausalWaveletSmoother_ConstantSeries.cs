using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace StreamRisk.Core.Tests.Indexing;

public sealed class CausalWaveletSmoother_ConstantSeries
{
    [Property(MaxTest = 100)]
    public Property ConstantSeries_StaysConstant() => Prop.ForAll(
        (from level in Gen.Choose(0, 1_000_000).Select(i => (i - 500_000) / 1000.0)
         from length in Gen.Choose(1, 700)
         select (level, length)).ToArbitrary(),
        s =>
        {
            var series = Enumerable.Repeat(s.level, s.length).ToArray();
            var smoothed = new double[s.length];
            SmootherFixture.Default.Smooth(series, smoothed);
            return smoothed.All(v => Math.Abs(v - s.level) <= 1e-12 * Math.Max(1, Math.Abs(s.level)));
        });

    [Fact]
    public void WeightsOfEveryHistoryLength_SumToOne()
    {
        for (var available = 1; available <= SmootherFixture.Default.Window + 5; available++)
        {
            var sum = 0.0;
            foreach (var w in SmootherFixture.Default.WeightsFor(available))
            {
                sum += w;
            }

            Assert.Equal(1.0, sum, 1e-12);
        }
    }
}
