namespace StreamRisk.RiskModels.Default.Sampling;

/// <summary>How one synthetic row was made: <c>x = x[Base] + Gap·(x[Neighbour] − x[Base])</c>, indices into the input.</summary>
public readonly record struct SmoteSample(int Base, int Neighbour, double Gap);

/// <summary>
/// The balanced set: the input rows first, unchanged and in order, then the synthetic rows, whose provenance is
/// <see cref="Synthetic"/>[i] for row <c>OriginalCount + i</c>.
/// </summary>
public sealed record SmoteResult(IReadOnlyList<double[]> Features, int[] Labels, int OriginalCount, IReadOnlyList<SmoteSample> Synthetic);

/// <summary>
/// SMOTE (Chawla et al. 2002) to equal class counts: every class is topped up to the largest class's count with points on
/// segments between one of its rows and one of that row's k nearest same-class neighbours (Euclidean), the base row and
/// neighbour drawn uniformly, the gap uniform in [0, 1) — as imbalanced-learn's SMOTE does. Run it on the training split
/// only, after standardising (distances mix features).
/// </summary>
/// <remarks>
/// A class with a single row has no neighbour: its synthetic rows are copies of that row (random oversampling; Gap 0,
/// Neighbour = Base). A class with no row stays empty: nothing can be interpolated. A class with fewer than k + 1 rows
/// uses all its other rows as neighbours. Neighbours are found by exact search within the class (O(m·d) per base row
/// drawn, O(m²·d) for a class of m rows at worst), in parallel over the drawn base rows.
/// </remarks>
public static class Smote
{
    /// <summary>Balances <paramref name="features"/> to 1:1:…; <paramref name="classCount"/> classes labelled 0..classCount − 1.</summary>
    public static SmoteResult Balance(IReadOnlyList<double[]> features, IReadOnlyList<int> labels, int seed, int neighbours = 5, int classCount = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(neighbours, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        Validate(features, labels, classCount);
        var members = Enumerable.Range(0, classCount).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < labels.Count; i++) members[labels[i]].Add(i);
        var target = members.Max(m => m.Count);

        var random = new Random(seed);
        var rows = new List<double[]>(features);
        var outLabels = new List<int>(labels);
        var synthetic = new List<SmoteSample>();
        for (var c = 0; c < classCount; c++)
        {
            var m = members[c];
            if (m.Count == 0 || m.Count == target) continue;
            // Draw every sample first (the random sequence alone fixes the result), then find the neighbours of the
            // drawn bases in parallel: a pure computation, so the order it runs in changes nothing.
            var k = Math.Min(neighbours, m.Count - 1);
            var draws = new (int Base, double Gap, int Slot)[target - m.Count];
            for (var s = 0; s < draws.Length; s++)
            {
                var b = m[random.Next(m.Count)];
                var gap = random.NextDouble();
                draws[s] = (b, gap, k > 0 ? random.Next(k) : 0);
            }
            var bases = draws.Select(d => d.Base).Distinct().ToArray();
            var near = new int[bases.Length][];
            if (k > 0) Parallel.For(0, bases.Length, i => near[i] = Nearest(features, m, bases[i], k));
            var nearOf = bases.Select((b, i) => (b, i)).ToDictionary(t => t.b, t => t.i);
            foreach (var (b, gap, slot) in draws)
            {
                var sample = k == 0 ? new SmoteSample(b, b, 0) : new SmoteSample(b, near[nearOf[b]][slot], gap);
                rows.Add(Interpolate(features[sample.Base], features[sample.Neighbour], sample.Gap));
                outLabels.Add(c);
                synthetic.Add(sample);
            }
        }
        return new SmoteResult(rows, [.. outLabels], features.Count, synthetic);
    }

    /// <summary>Indices (into the input) of the k rows of <paramref name="members"/> nearest to <paramref name="row"/>, itself excluded; ties by index.</summary>
    public static int[] Nearest(IReadOnlyList<double[]> features, IReadOnlyList<int> members, int row, int k)
    {
        var x = features[row];
        // The k best so far, sorted by (distance, index): insertion into a short array beats sorting the whole class.
        var bestDistance = new double[k];
        var bestIndex = new int[k];
        var count = 0;
        foreach (var j in members)
        {
            if (j == row) continue;
            var d = SquaredDistance(x, features[j]);
            if (count == k && !Before(d, j, bestDistance[k - 1], bestIndex[k - 1])) continue;
            var at = count < k ? count++ : k - 1;
            while (at > 0 && Before(d, j, bestDistance[at - 1], bestIndex[at - 1]))
            {
                bestDistance[at] = bestDistance[at - 1];
                bestIndex[at] = bestIndex[at - 1];
                at--;
            }
            bestDistance[at] = d;
            bestIndex[at] = j;
        }
        return bestIndex[..count];
    }

    private static bool Before(double d, int j, double otherD, int otherJ) => d < otherD || (d == otherD && j < otherJ);

    private static double SquaredDistance(double[] a, double[] b)
    {
        var width = System.Numerics.Vector<double>.Count;
        var sum = System.Numerics.Vector<double>.Zero;
        var f = 0;
        for (; f <= a.Length - width; f += width)
        {
            var e = new System.Numerics.Vector<double>(a, f) - new System.Numerics.Vector<double>(b, f);
            sum += e * e;
        }
        var total = System.Numerics.Vector.Sum(sum);
        for (; f < a.Length; f++)
        {
            var e = a[f] - b[f];
            total += e * e;
        }
        return total;
    }

    private static double[] Interpolate(double[] a, double[] b, double gap)
    {
        var x = new double[a.Length];
        for (var f = 0; f < a.Length; f++) x[f] = a[f] + gap * (b[f] - a[f]);
        return x;
    }

    private static void Validate(IReadOnlyList<double[]> features, IReadOnlyList<int> labels, int classCount)
    {
        if (features.Count != labels.Count) throw new ArgumentException($"{features.Count} rows but {labels.Count} labels");
        for (var i = 0; i < features.Count; i++)
        {
            if (labels[i] < 0 || labels[i] >= classCount) throw new ArgumentException($"label {i} is {labels[i]}, expected 0..{classCount - 1}", nameof(labels));
            if (features[i].Length != features[0].Length) throw new ArgumentException($"row {i} has {features[i].Length} features, row 0 has {features[0].Length}", nameof(features));
            foreach (var v in features[i])
            {
                if (!double.IsFinite(v)) throw new ArgumentException($"row {i} has a non-finite feature ({v}): impute before SMOTE", nameof(features));
            }
        }
    }
}
