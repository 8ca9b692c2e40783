namespace StreamRisk.Core.Evaluation;

/// <summary>How well a set of found items matches the true set: counts, precision, recall and F1.</summary>
public readonly record struct DetectionScore(long TruePositives, long FalsePositives, long FalseNegatives)
{
    /// <summary>Share of found items that are true; NaN when nothing was found.</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    /// <summary>Share of true items that were found; NaN when there was nothing to find.</summary>
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    public double F1
    {
        get
        {
            var p = Precision;
            var r = Recall;
            if (double.IsNaN(p) || double.IsNaN(r)) return double.NaN;
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /// <summary>Compares the items found against the true ones; each side is taken as a set (repeats count once).</summary>
    public static DetectionScore Compare<T>(IEnumerable<T> truth, IEnumerable<T> found, IEqualityComparer<T>? comparer = null)
    {
        var truthSet = new HashSet<T>(truth, comparer);
        var foundSet = new HashSet<T>(found, comparer);
        long tp = 0;
        foreach (var item in foundSet)
        {
            if (truthSet.Contains(item)) tp++;
        }
        return new DetectionScore(tp, foundSet.Count - tp, truthSet.Count - tp);
    }

    private static double Ratio(long part, long whole) => whole == 0 ? double.NaN : (double)part / whole;
}
