using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.RiskModels.Default.Sampling;

namespace StreamRisk.RiskModels.Tests.Default.Sampling;

public sealed class Smote_Balance
{
    private static (double[][] X, int[] Y) Imbalanced(int seed, int performing = 60, int extended = 12, int defaulted = 5, int dims = 3)
    {
        var random = new Random(seed);
        var x = new List<double[]>();
        var y = new List<int>();
        void Add(int count, int label)
        {
            for (var i = 0; i < count; i++)
            {
                x.Add(Enumerable.Range(0, dims).Select(_ => label * 2 + random.NextDouble() * 3).ToArray());
                y.Add(label);
            }
        }
        Add(performing, 0);
        Add(extended, 1);
        Add(defaulted, 2);
        return ([.. x], [.. y]);
    }

    /// <summary>The k nearest same-class rows of <paramref name="row"/>, found here independently of Smote.Nearest.</summary>
    private static int[] KNearest(double[][] x, int[] y, int row, int k) =>
        Enumerable.Range(0, x.Length)
            .Where(j => j != row && y[j] == y[row])
            .OrderBy(j => x[j].Zip(x[row], (a, b) => (a - b) * (a - b)).Sum()).ThenBy(j => j)
            .Take(k).ToArray();

    /// <summary>Distance from p to the segment [a, b].</summary>
    private static double DistanceToSegment(double[] p, double[] a, double[] b)
    {
        var ab = a.Zip(b, (u, v) => v - u).ToArray();
        var len2 = ab.Sum(v => v * v);
        var t = len2 == 0 ? 0 : Math.Clamp(p.Select((v, f) => (v - a[f]) * ab[f]).Sum() / len2, 0, 1);
        return Math.Sqrt(p.Select((v, f) => Math.Pow(v - (a[f] + t * ab[f]), 2)).Sum());
    }

    private static bool EverySyntheticPointLiesBetweenSameClassNeighbours(double[][] x, int[] y, SmoteResult r, int k)
    {
        for (var s = r.OriginalCount; s < r.Features.Count; s++)
        {
            var label = r.Labels[s];
            var p = r.Features[s];
            var found = Enumerable.Range(0, x.Length).Where(b => y[b] == label)
                .Any(b => KNearest(x, y, b, k).Any(j => DistanceToSegment(p, x[b], x[j]) < 1e-9));
            if (!found) return false;
        }
        return true;
    }

    [Fact]
    public void Synthetic_points_lie_between_a_row_and_one_of_its_k_same_class_neighbours()
    {
        var (x, y) = Imbalanced(1);
        var r = Smote.Balance(x, y, seed: 7, neighbours: 3);
        Assert.True(EverySyntheticPointLiesBetweenSameClassNeighbours(x, y, r, 3));
        // Provenance agrees: the neighbour is one of the base's 3 nearest and the point is base + gap·(neighbour − base).
        for (var i = 0; i < r.Synthetic.Count; i++)
        {
            var s = r.Synthetic[i];
            Assert.Contains(s.Neighbour, KNearest(x, y, s.Base, 3));
            Assert.InRange(s.Gap, 0, 1);
            var expected = x[s.Base].Select((v, f) => v + s.Gap * (x[s.Neighbour][f] - v));
            Assert.Equal(expected, r.Features[x.Length + i]);
        }
    }

    [Fact]
    public void Classes_end_one_to_one_to_one_with_the_originals_first()
    {
        var (x, y) = Imbalanced(2);
        var r = Smote.Balance(x, y, seed: 1);
        Assert.Equal([60, 60, 60], Enumerable.Range(0, 3).Select(c => r.Labels.Count(l => l == c)));
        Assert.Equal(x.Length, r.OriginalCount);
        Assert.Equal(y, r.Labels.Take(x.Length));
        Assert.All(Enumerable.Range(0, x.Length), i => Assert.Same(x[i], r.Features[i]));
        Assert.Equal(180 - x.Length, r.Synthetic.Count);
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows_and_another_seed_other_rows()
    {
        var (x, y) = Imbalanced(3);
        var a = Smote.Balance(x, y, seed: 5);
        var b = Smote.Balance(x, y, seed: 5);
        var c = Smote.Balance(x, y, seed: 6);
        Assert.Equal(a.Features.SelectMany(v => v), b.Features.SelectMany(v => v));
        Assert.NotEqual(a.Features.SelectMany(v => v), c.Features.SelectMany(v => v));
    }

    [Fact]
    public void A_class_with_one_row_is_copied_and_an_empty_class_stays_empty()
    {
        double[][] x = [[0, 0], [1, 0], [0, 1], [5, 5]];
        int[] y = [0, 0, 0, 2];
        var r = Smote.Balance(x, y, seed: 1);
        Assert.Equal(0, r.Labels.Count(l => l == 1));
        Assert.Equal(3, r.Labels.Count(l => l == 2));
        Assert.All(r.Synthetic, s => Assert.Equal(new SmoteSample(3, 3, 0), s));
        Assert.All(r.Features.Skip(4), p => Assert.Equal([5.0, 5.0], p));
    }

    [Fact]
    public void Nearest_orders_by_distance_then_index()
    {
        // Row 0 at the origin; rows 3 and 1 both at distance 1, row 2 at 2, row 4 at 0.5 (another class ignored by members).
        double[][] x = [[0, 0], [1, 0], [2, 0], [0, 1], [0.5, 0]];
        Assert.Equal([1, 3], Smote.Nearest(x, [0, 1, 2, 3], 0, 2));
        Assert.Equal([4, 1, 3], Smote.Nearest(x, [0, 1, 2, 3, 4], 0, 3));
        Assert.Equal([1, 3, 2], Smote.Nearest(x, [0, 1, 2, 3], 0, 10));
    }

    [Fact]
    public void Non_finite_features_are_rejected_with_the_row()
    {
        var e = Assert.Throws<ArgumentException>(() => Smote.Balance([[0.0], [double.NaN]], [0, 1], seed: 1));
        Assert.Contains("row 1", e.Message);
    }

    [Property(MaxTest = 30)]
    public Property Any_imbalance_ends_balanced_with_points_on_neighbour_segments(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var (x, y) = Imbalanced(seed.Get, 2 + random.Next(30), 2 + random.Next(10), 2 + random.Next(6), 1 + random.Next(4));
        var k = 1 + random.Next(5);
        var r = Smote.Balance(x, y, seed.Get, k);
        var target = Enumerable.Range(0, 3).Max(c => y.Count(l => l == c));
        return (Enumerable.Range(0, 3).All(c => r.Labels.Count(l => l == c) == target)
                && EverySyntheticPointLiesBetweenSameClassNeighbours(x, y, r, k)).ToProperty();
    }
}
