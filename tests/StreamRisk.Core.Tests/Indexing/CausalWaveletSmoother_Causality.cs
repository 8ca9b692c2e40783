using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace StreamRisk.Core.Tests.Indexing;

public sealed class CausalWaveletSmoother_Causality
{
    private static Gen<double> Value => Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 1_000_000.0);

    private static Arbitrary<(double[] Past, double[] Future)> PastAndFuture(int maxPast) =>
        (from pastLength in Gen.Choose(1, maxPast)
         from past in Gen.ArrayOf(Value, pastLength)
         from futureLength in Gen.Choose(1, 80)
         from future in Gen.ArrayOf(Value, futureLength)
         select (past, future)).ToArbitrary();

    [Property(MaxTest = 150)]
    public Property FutureValues_NeverChangePastSmoothedValues() => Prop.ForAll(PastAndFuture(600), s =>
    {
        var smoother = SmootherFixture.Default;
        var alone = new double[s.Past.Length];
        smoother.Smooth(s.Past, alone);
        var extended = s.Past.Concat(s.Future).ToArray();
        var withFuture = new double[extended.Length];
        smoother.Smooth(extended, withFuture);
        for (var t = 0; t < s.Past.Length; t++)
        {
            if (BitConverter.DoubleToInt64Bits(alone[t]) != BitConverter.DoubleToInt64Bits(withFuture[t]))
            {
                return false;
            }
        }

        return true;
    });

    [Property(MaxTest = 150)]
    public Property FutureValues_NeverChangePastSmoothedValues_SmallWindow() => Prop.ForAll(PastAndFuture(60), s =>
    {
        var smoother = SmootherFixture.Small;
        var extended = s.Past.Concat(s.Future).ToArray();
        for (var t = 0; t < s.Past.Length; t++)
        {
            if (BitConverter.DoubleToInt64Bits(smoother.SmoothAt(s.Past, t)) != BitConverter.DoubleToInt64Bits(smoother.SmoothAt(extended, t)))
            {
                return false;
            }
        }

        return true;
    });

    [Fact]
    public void ChangingTheLatestDay_ChangesTheSmoothedValueOfThatDay()
    {
        var series = Enumerable.Range(0, 300).Select(i => Math.Sin(i / 9.0)).ToArray();
        var before = SmootherFixture.Default.SmoothAt(series, 299);
        series[299] += 1.0;
        Assert.NotEqual(before, SmootherFixture.Default.SmoothAt(series, 299));
    }
}
