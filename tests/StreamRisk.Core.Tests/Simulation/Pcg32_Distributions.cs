using StreamRisk.Core.Simulation;

namespace StreamRisk.Core.Tests.Simulation;

public sealed class Pcg32_Distributions
{
    private const int Draws = 200_000;

    [Fact]
    public void Gaussian_has_zero_mean_and_unit_variance()
    {
        var (mean, variance) = Moments(new Pcg32(1, 1), r => r.NextGaussian());
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.98, 1.02);
    }

    [Fact]
    public void Student_t_is_scaled_to_unit_variance_and_has_heavier_tails_than_the_normal()
    {
        var random = new Pcg32(2, 1);
        var beyondFour = 0;
        var (mean, variance) = Moments(random, r =>
        {
            var t = r.NextStudentT(5);
            if (Math.Abs(t) > 4) beyondFour++;
            return t;
        });
        Assert.InRange(mean, -0.02, 0.02);
        Assert.InRange(variance, 0.9, 1.1);
        // A standard normal goes past 4 sd about 13 times in 200,000 draws; t(5) at unit variance far more often.
        Assert.True(beyondFour > 60, $"only {beyondFour} draws beyond 4");
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(4.0)]
    [InlineData(55.0)]
    public void Poisson_mean_matches(double lambda)
    {
        var (mean, variance) = Moments(new Pcg32(3, 1), r => r.NextPoisson(lambda));
        Assert.InRange(mean, lambda * 0.98 - 0.005, lambda * 1.02 + 0.005);
        Assert.InRange(variance, lambda * 0.95 - 0.01, lambda * 1.05 + 0.01);
    }

    [Fact]
    public void NextInt_is_uniform()
    {
        var random = new Pcg32(4, 1);
        var counts = new int[7];
        for (var i = 0; i < 70_000; i++) counts[random.NextInt(7)]++;
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    private static (double Mean, double Variance) Moments(Pcg32 random, Func<Pcg32, double> draw)
    {
        double sum = 0, sumSquares = 0;
        for (var i = 0; i < Draws; i++)
        {
            var x = draw(random);
            sum += x;
            sumSquares += x * x;
        }

        var mean = sum / Draws;
        return (mean, sumSquares / Draws - mean * mean);
    }
}
