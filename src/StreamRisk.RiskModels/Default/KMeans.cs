namespace StreamRisk.RiskModels.Default;

/// <summary>Centroids [K × Dimension] and each point's nearest centroid.</summary>
public sealed record KMeansResult(float[] Centroids, int[] Labels, int Iterations);

/// <summary>
/// Lloyd's K-means with k-means++ seeding (Arthur and Vassilvitskii 2007), deterministic for a seed. EMDLOT places its
/// cluster centroids here on the warm-up representations before training the clusters. A cluster that empties is moved
/// to the point farthest from its centroid, so K clusters always come back when there are at least K distinct points.
/// </summary>
public static class KMeans
{
    /// <param name="points">[Count × Dimension], row-major.</param>
    public static KMeansResult Fit(ReadOnlySpan<float> points, int dimension, int k, int seed, int maxIterations = 100)
    {
        if (dimension < 1 || points.Length % dimension != 0) throw new ArgumentException($"{points.Length} values are not rows of {dimension}");
        var n = points.Length / dimension;
        if (k < 1 || k > n) throw new ArgumentOutOfRangeException(nameof(k), k, $"need 1 ≤ K ≤ {n} points");
        var random = new Random(seed);
        var centroids = new float[k * dimension];
        var nearest = new double[n];
        points.Slice(random.Next(n) * dimension, dimension).CopyTo(centroids);
        for (var i = 0; i < n; i++) nearest[i] = Distance2(points, i, centroids, 0, dimension);
        for (var c = 1; c < k; c++)
        {
            // k-means++: the next centroid is a point drawn with probability ∝ its squared distance to the nearest one so far.
            var total = nearest.Sum();
            var pick = n - 1;
            if (total > 0)
            {
                var u = random.NextDouble() * total;
                for (var i = 0; i < n; i++)
                {
                    u -= nearest[i];
                    if (u < 0) { pick = i; break; }
                }
            }
            else
            {
                pick = random.Next(n);
            }
            points.Slice(pick * dimension, dimension).CopyTo(centroids.AsSpan(c * dimension));
            for (var i = 0; i < n; i++) nearest[i] = Math.Min(nearest[i], Distance2(points, i, centroids, c, dimension));
        }

        var labels = new int[n];
        Array.Fill(labels, -1);
        var sums = new double[k * dimension];
        var counts = new int[k];
        var iteration = 0;
        while (iteration < maxIterations)
        {
            iteration++;
            var changed = false;
            for (var i = 0; i < n; i++)
            {
                var best = 0;
                var bestDistance = double.PositiveInfinity;
                for (var c = 0; c < k; c++)
                {
                    var d = Distance2(points, i, centroids, c, dimension);
                    if (d < bestDistance) { bestDistance = d; best = c; }
                }
                nearest[i] = bestDistance;
                if (labels[i] != best) { labels[i] = best; changed = true; }
            }
            if (!changed) break;
            Array.Clear(sums);
            Array.Clear(counts);
            for (var i = 0; i < n; i++)
            {
                counts[labels[i]]++;
                for (var j = 0; j < dimension; j++) sums[labels[i] * dimension + j] += points[i * dimension + j];
            }
            for (var c = 0; c < k; c++)
            {
                if (counts[c] == 0)
                {
                    var far = Array.IndexOf(nearest, nearest.Max());
                    points.Slice(far * dimension, dimension).CopyTo(centroids.AsSpan(c * dimension));
                    nearest[far] = 0;
                    continue;
                }
                for (var j = 0; j < dimension; j++) centroids[c * dimension + j] = (float)(sums[c * dimension + j] / counts[c]);
            }
        }
        return new KMeansResult(centroids, labels, iteration);
    }

    private static double Distance2(ReadOnlySpan<float> points, int i, float[] centroids, int c, int dimension)
    {
        double sum = 0;
        for (var j = 0; j < dimension; j++)
        {
            var d = (double)points[i * dimension + j] - centroids[c * dimension + j];
            sum += d * d;
        }
        return sum;
    }
}
