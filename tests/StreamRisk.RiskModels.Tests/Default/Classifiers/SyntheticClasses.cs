namespace StreamRisk.RiskModels.Tests.Default.Classifiers;

/// <summary>
/// A small separable three-class problem with the default set's imbalance: class means apart in the first two of six
/// features (the other four are noise), features on very different scales, and a few missing values.
/// </summary>
public static class SyntheticClasses
{
    public static (double[][] X, int[] Y) Draw(int seed, int performing = 240, int extended = 60, int defaulted = 30)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var x = new List<double[]>();
        var y = new List<int>();
        foreach (var (label, count) in new[] { (0, performing), (1, extended), (2, defaulted) })
        {
            for (var i = 0; i < count; i++)
            {
                var row = new double[6];
                row[0] = 1000 * (label * 1.5 + Normal()); // a large-scale informative feature
                row[1] = 0.01 * (label == 2 ? 2 : 0) + 0.01 * Normal();
                for (var f = 2; f < 6; f++) row[f] = Normal();
                if (random.NextDouble() < 0.02) row[3] = double.NaN;
                x.Add(row);
                y.Add(label);
            }
        }
        return ([.. x], [.. y]);
    }
}
