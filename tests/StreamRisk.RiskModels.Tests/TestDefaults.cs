using StreamRisk.Core.Events;
using StreamRisk.Core.Serialization;
using StreamRisk.RiskModels.Default;
using StreamRisk.RiskModels.Networks;

namespace StreamRisk.RiskModels.Tests;

/// <summary>Synthetic default examples: uneven histories, irregular Δt, missing chapters; optionally separable by class.</summary>
internal static class TestDefaults
{
    public const int Financial = 4;
    public const int Macro = 2;
    public const int Chapters = 2;
    public const int Dimension = 16;
    public static readonly IReadOnlyList<string> FeatureNames = ["f0", "f1", "f2", "f3", "m0", "m1"];
    public static readonly IReadOnlyList<string> ChapterNames = ["risk", "outlook"];

    /// <param name="signal">How far class means sit apart (0: labels carry no signal).</param>
    /// <param name="classShares">Shares of performing, extended, defaulted.</param>
    public static List<DefaultExample> Examples(int count, int seed, double signal = 1.5, double[]? classShares = null, int maxQuarters = 10)
    {
        var random = new Random(seed);
        var shares = classShares ?? [0.6, 0.25, 0.15];
        var result = new List<DefaultExample>(count);
        for (var i = 0; i < count; i++)
        {
            var u = random.NextDouble();
            var label = u < shares[0] ? RiskClass.Performing : u < shares[0] + shares[1] ? RiskClass.Extended : RiskClass.Defaulted;
            var y = (int)label;
            var quarters = new List<DisclosedQuarter>();
            var n = random.Next(1, maxQuarters + 1);
            var end = new DateOnly(2015, 3, 31);
            for (var q = 0; q < n; q++)
            {
                var months = q == 0 ? 0 : random.Next(2) == 0 ? 3 : 6;
                end = end.AddMonths(months);
                // The class shows more in the later quarters (deterioration before the event).
                var drift = signal * y * (q + 1.0) / n;
                var financial = new double[Financial];
                financial[0] = 1000 * Math.Exp(random.NextDouble() - drift * 0.5); // a level in millions
                financial[1] = 0.05 - 0.03 * drift + 0.02 * Gaussian(random);      // a ratio
                financial[2] = drift + Gaussian(random);
                financial[3] = 7.0;                                                 // constant: zero variance
                var macro = new[] { 2 + Gaussian(random), 0.3 * drift + Gaussian(random) };
                var chapters = new float[]?[Chapters];
                for (var c = 0; c < Chapters; c++)
                {
                    if (random.NextDouble() < 0.3) continue;
                    var e = new float[Dimension];
                    for (var k = 0; k < Dimension; k++) e[k] = (float)(0.2 * random.NextDouble());
                    e[y] += (float)(0.5 * signal * (q + 1.0) / n);
                    chapters[c] = e;
                }
                quarters.Add(new DisclosedQuarter(end, new DateTimeOffset(end.AddDays(45).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), months, financial, macro, chapters));
            }
            result.Add(new DefaultExample($"I{i:D4}", "IND", end.AddDays(60), label, quarters));
        }
        return result;
    }

    public static Dictionary<string, SafetensorsTensor> RandomWeights(EmdlotShape shape, int seed)
    {
        var random = new Random(seed);
        return shape.Tensors().ToDictionary(t => t.Name, t =>
        {
            var count = t.Shape.Aggregate(1, (a, d) => a * d);
            return new SafetensorsTensor(t.Shape, Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray());
        });
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
