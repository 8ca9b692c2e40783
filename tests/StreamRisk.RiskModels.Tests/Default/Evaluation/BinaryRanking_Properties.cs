using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.RiskModels.Default.Evaluation;

namespace StreamRisk.RiskModels.Tests.Default.Evaluation;

public sealed class BinaryRanking_Properties
{
    /// <summary>Scores on a coarse grid (many ties) and labels with both classes present.</summary>
    private static (double[] Scores, bool[] Positives) Sample(int seed, int grid)
    {
        var random = new Random(seed);
        var n = 2 + random.Next(60);
        var scores = Enumerable.Range(0, n).Select(_ => random.Next(grid) / (double)grid).ToArray();
        var positives = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.3).ToArray();
        positives[0] = true;
        positives[1] = false;
        return (scores, positives);
    }

    [Property(MaxTest = 200)]
    public Property Auc_equals_the_share_of_correctly_ordered_pairs_with_ties_counting_half(PositiveInt seed)
    {
        var (s, y) = Sample(seed.Get, 7);
        double pairs = 0, wins = 0;
        for (var i = 0; i < s.Length; i++)
        {
            for (var j = 0; j < s.Length; j++)
            {
                if (!y[i] || y[j]) continue;
                pairs++;
                wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
            }
        }
        return (Math.Abs(BinaryRanking.Auc(s, y) - wins / pairs) < 1e-12).ToProperty();
    }

    [Property(MaxTest = 200)]
    public Property Rank_metrics_do_not_change_under_a_strictly_increasing_transform(PositiveInt seed)
    {
        var (s, y) = Sample(seed.Get, 10);
        var t = s.Select(v => v * v * v + 5).ToArray();
        return (BinaryRanking.Auc(s, y) == BinaryRanking.Auc(t, y)
                && BinaryRanking.AveragePrecision(s, y) == BinaryRanking.AveragePrecision(t, y)
                && BinaryRanking.Ks(s, y) == BinaryRanking.Ks(t, y)).ToProperty();
    }

    [Property(MaxTest = 200)]
    public Property Reversing_the_scores_gives_one_minus_auc(PositiveInt seed)
    {
        var (_, y) = Sample(seed.Get, 10);
        // Distinct scores: a random permutation of 0..n−1.
        var random = new Random(seed.Get + 1);
        var s = Enumerable.Range(0, y.Length).Select(i => (double)i).OrderBy(_ => random.Next()).ToArray();
        var reversed = s.Select(v => 1 - v).ToArray();
        return (Math.Abs(BinaryRanking.Auc(reversed, y) - (1 - BinaryRanking.Auc(s, y))) < 1e-12).ToProperty();
    }

    [Property(MaxTest = 200)]
    public Property Metrics_lie_in_their_ranges_and_curves_end_at_full_recall(PositiveInt seed)
    {
        var (s, y) = Sample(seed.Get, 5);
        var auc = BinaryRanking.Auc(s, y);
        var ap = BinaryRanking.AveragePrecision(s, y);
        var ks = BinaryRanking.Ks(s, y);
        var roc = BinaryRanking.RocCurve(s, y);
        var pr = BinaryRanking.PrCurve(s, y);
        return (auc is >= 0 and <= 1 && ap is > 0 and <= 1 && ks is >= 0 and <= 1
                && roc[0] == new RocPoint(0, 0, double.PositiveInfinity) && roc[^1].FalsePositiveRate == 1 && roc[^1].TruePositiveRate == 1
                && pr[^1].Recall == 1 && pr[^1].Precision == y.Count(v => v) / (double)y.Length).ToProperty();
    }

    [Property(MaxTest = 200)]
    public Property Brier_lies_in_zero_two_and_is_zero_for_certain_correct_predictions(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var labels = Enumerable.Range(0, 1 + random.Next(40)).Select(_ => random.Next(3)).ToArray();
        var p = labels.Select(_ =>
        {
            var raw = new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() };
            var sum = raw.Sum();
            return raw.Select(v => v / sum).ToArray();
        }).ToArray();
        var wrong = labels.Select(l => { var v = new double[3]; v[(l + 1) % 3] = 1; return v; }).ToArray();
        var right = labels.Select(l => { var v = new double[3]; v[l] = 1; return v; }).ToArray();
        var brier = DefaultMetrics.Of(p, labels).Brier;
        return (brier is >= 0 and <= 2 && DefaultMetrics.Of(right, labels).Brier == 0 && DefaultMetrics.Of(wrong, labels).Brier == 2).ToProperty();
    }

    [Fact]
    public void Roc_curve_by_hand()
    {
        // Scores 0.1 0.2 0.3 0.2 0.6 0.4, positives 0.6 and 0.4.
        var roc = BinaryRanking.RocCurve([0.1, 0.2, 0.3, 0.2, 0.6, 0.4], [false, false, false, false, true, true]);
        Assert.Equal(
            [new RocPoint(0, 0, double.PositiveInfinity), new(0, 0.5, 0.6), new(0, 1, 0.4), new(0.25, 1, 0.3), new(0.75, 1, 0.2), new(1, 1, 0.1)],
            roc);
    }

    [Fact]
    public void Undefined_metrics_are_nan_without_a_class()
    {
        Assert.True(double.IsNaN(BinaryRanking.Auc([0.1, 0.2], [false, false])));
        Assert.True(double.IsNaN(BinaryRanking.AveragePrecision([0.1, 0.2], [false, false])));
        Assert.True(double.IsNaN(BinaryRanking.Ks([0.1, 0.2], [true, true])));
        Assert.Empty(BinaryRanking.RocCurve([0.1], [true]));
    }
}
