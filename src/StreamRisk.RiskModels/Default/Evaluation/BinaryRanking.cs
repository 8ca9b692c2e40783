namespace StreamRisk.RiskModels.Default.Evaluation;

/// <summary>One point of a ROC curve: the rates when every score ≥ <paramref name="Threshold"/> counts as positive.</summary>
public readonly record struct RocPoint(double FalsePositiveRate, double TruePositiveRate, double Threshold);

/// <summary>One point of a precision–recall curve at a threshold (scores ≥ threshold count as positive).</summary>
public readonly record struct PrPoint(double Recall, double Precision, double Threshold);

/// <summary>
/// Ranking metrics of a score against binary truth (one class against the rest). Tied scores are one threshold: they
/// enter the curves together, so the result never depends on the order of tied rows.
/// </summary>
public static class BinaryRanking
{
    /// <summary>
    /// ROC AUC by the rank-sum (Mann–Whitney) formula with average ranks for ties:
    /// AUC = (Σ ranks of positives − P(P+1)/2) / (P·N). NaN when either class is absent.
    /// </summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> positives)
    {
        var (p, n) = Count(scores, positives);
        if (p == 0 || n == 0) return double.NaN;
        var order = Order(scores, descending: false);
        var rankSum = 0.0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            var averageRank = (start + end) / 2.0 + 1; // ranks are 1-based
            for (var i = start; i <= end; i++)
            {
                if (positives[order[i]]) rankSum += averageRank;
            }
            start = end + 1;
        }
        return (rankSum - p * (p + 1) / 2.0) / ((double)p * n);
    }

    /// <summary>
    /// The ROC curve from (0, 0) at threshold +∞, one point per distinct score from the highest down, ending at (1, 1).
    /// Empty when either class is absent.
    /// </summary>
    public static IReadOnlyList<RocPoint> RocCurve(IReadOnlyList<double> scores, IReadOnlyList<bool> positives)
    {
        var (p, n) = Count(scores, positives);
        if (p == 0 || n == 0) return [];
        var points = new List<RocPoint> { new(0, 0, double.PositiveInfinity) };
        foreach (var (threshold, tp, fp) in Thresholds(scores, positives)) points.Add(new RocPoint(fp / (double)n, tp / (double)p, threshold));
        return points;
    }

    /// <summary>
    /// The precision–recall curve: (recall 0, precision 1) first, as scikit-learn draws it, then one point per distinct
    /// score from the highest down. Empty when there is no positive.
    /// </summary>
    public static IReadOnlyList<PrPoint> PrCurve(IReadOnlyList<double> scores, IReadOnlyList<bool> positives)
    {
        var (p, _) = Count(scores, positives);
        if (p == 0) return [];
        var points = new List<PrPoint> { new(0, 1, double.PositiveInfinity) };
        foreach (var (threshold, tp, fp) in Thresholds(scores, positives)) points.Add(new PrPoint(tp / (double)p, tp / (double)(tp + fp), threshold));
        return points;
    }

    /// <summary>
    /// Average precision, the step-wise definition of scikit-learn's <c>average_precision_score</c> (no interpolation):
    /// AP = Σₙ (Rₙ − Rₙ₋₁)·Pₙ over the distinct thresholds from the highest score down. NaN when there is no positive.
    /// This is the PR-AUC reported throughout (the trapezoid under the PR curve is optimistic and is not used).
    /// </summary>
    public static double AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<bool> positives)
    {
        var (p, _) = Count(scores, positives);
        if (p == 0) return double.NaN;
        double ap = 0, previousRecall = 0;
        foreach (var (_, tp, fp) in Thresholds(scores, positives))
        {
            var recall = tp / (double)p;
            ap += (recall - previousRecall) * (tp / (double)(tp + fp));
            previousRecall = recall;
        }
        return ap;
    }

    /// <summary>
    /// Kolmogorov–Smirnov statistic: the largest gap between the score distributions of positives and negatives,
    /// max over thresholds of |TPR − FPR|. NaN when either class is absent.
    /// </summary>
    public static double Ks(IReadOnlyList<double> scores, IReadOnlyList<bool> positives)
    {
        var (p, n) = Count(scores, positives);
        if (p == 0 || n == 0) return double.NaN;
        var ks = 0.0;
        foreach (var (_, tp, fp) in Thresholds(scores, positives)) ks = Math.Max(ks, Math.Abs(tp / (double)p - fp / (double)n));
        return ks;
    }

    /// <summary>Cumulative true and false positives at each distinct score, highest first.</summary>
    private static IEnumerable<(double Threshold, long TruePositives, long FalsePositives)> Thresholds(IReadOnlyList<double> scores, IReadOnlyList<bool> positives)
    {
        var order = Order(scores, descending: true);
        long tp = 0, fp = 0;
        for (var i = 0; i < order.Length; i++)
        {
            if (positives[order[i]]) tp++;
            else fp++;
            if (i + 1 == order.Length || scores[order[i + 1]] != scores[order[i]]) yield return (scores[order[i]], tp, fp);
        }
    }

    private static int[] Order(IReadOnlyList<double> scores, bool descending)
    {
        var order = Enumerable.Range(0, scores.Count).ToArray();
        Array.Sort(order, descending ? (a, b) => scores[b].CompareTo(scores[a]) : (a, b) => scores[a].CompareTo(scores[b]));
        return order;
    }

    private static (long Positives, long Negatives) Count(IReadOnlyList<double> scores, IReadOnlyList<bool> positives)
    {
        if (scores.Count != positives.Count) throw new ArgumentException($"{scores.Count} scores but {positives.Count} labels");
        long p = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            if (!double.IsFinite(scores[i])) throw new ArgumentException($"score {i} is {scores[i]}: scores must be finite", nameof(scores));
            if (positives[i]) p++;
        }
        return (p, scores.Count - p);
    }
}
