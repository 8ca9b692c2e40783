namespace StreamRisk.Core.Tests.Indexing;

public sealed class CausalWaveletSmoother_NoiseReduction
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void WhiteNoise_HasLowerVarianceAfterSmoothing(int seed)
    {
        var random = new Random(seed);
        var noise = new double[2000];
        for (var i = 0; i < noise.Length; i++)
        {
            // Box–Muller: standard normal noise.
            noise[i] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        }

        var smoothed = new double[noise.Length];
        SmootherFixture.Default.Smooth(noise, smoothed);
        var from = SmootherFixture.Default.Window;
        var raw = Variance(noise.AsSpan(from));
        var smooth = Variance(smoothed.AsSpan(from));
        Assert.True(smooth < 0.1 * raw, $"smoothed variance {smooth} vs raw {raw}");
    }

    [Fact]
    public void SlowTrend_IsFollowed()
    {
        var trend = Enumerable.Range(0, 600).Select(i => Math.Sin(2 * Math.PI * i / 400.0)).ToArray();
        var smoothed = new double[trend.Length];
        SmootherFixture.Default.Smooth(trend, smoothed);
        for (var t = 300; t < trend.Length; t++)
        {
            Assert.True(Math.Abs(smoothed[t] - trend[t]) < 0.35, $"day {t}: {smoothed[t]} vs {trend[t]}");
        }
    }

    private static double Variance(ReadOnlySpan<double> values)
    {
        double mean = 0;
        foreach (var v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        double sum = 0;
        foreach (var v in values)
        {
            sum += (v - mean) * (v - mean);
        }

        return sum / (values.Length - 1);
    }
}
