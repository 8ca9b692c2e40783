using StreamRisk.RiskModels.Default.Evaluation;

namespace StreamRisk.RiskModels.Tests.Default.Evaluation;

/// <summary>
/// Six rows worked by hand (P = performing, E = extended, D = defaulted):
/// <code>
/// row  truth  p(P, E, D)        predicted
///  0   P      0.7 0.2 0.1       P
///  1   P      0.4 0.4 0.2       E  (tie P/E → the more severe)
///  2   E      0.2 0.5 0.3       E
///  3   E      0.5 0.3 0.2       P
///  4   D      0.1 0.3 0.6       D
///  5   D      0.2 0.4 0.4       D  (tie E/D → the more severe)
/// </code>
/// </summary>
public sealed class DefaultMetrics_HandWorked
{
    private static readonly double[][] Probabilities =
    [
        [0.7, 0.2, 0.1], [0.4, 0.4, 0.2], [0.2, 0.5, 0.3], [0.5, 0.3, 0.2], [0.1, 0.3, 0.6], [0.2, 0.4, 0.4],
    ];

    private static readonly int[] Labels = [0, 0, 1, 1, 2, 2];

    [Fact]
    public void Confusion_matrix_breaks_ties_to_the_more_severe_class()
    {
        var m = DefaultMetrics.Of(Probabilities, Labels);
        // true P: predicted P once (row 0), E once (row 1); true E: P once (row 3), E once (row 2); true D: D twice.
        Assert.Equal([1, 1, 0], m.Confusion[0]);
        Assert.Equal([1, 1, 0], m.Confusion[1]);
        Assert.Equal([0, 0, 2], m.Confusion[2]);
        Assert.True(m.PredictsAllClasses);
        Assert.Equal(4.0 / 6, m.Accuracy, 12);
    }

    [Fact]
    public void Macro_recall_and_f1()
    {
        var m = DefaultMetrics.Of(Probabilities, Labels);
        // P: precision 1/2, recall 1/2, F1 1/2; E: the same; D: precision 2/2, recall 2/2, F1 1.
        Assert.Equal(0.5, m.Classes[0].Recall, 12);
        Assert.Equal(0.5, m.Classes[1].Precision, 12);
        Assert.Equal(1.0, m.Classes[2].F1, 12);
        Assert.Equal((0.5 + 0.5 + 1) / 3, m.MacroRecall, 12);
        Assert.Equal((0.5 + 0.5 + 1) / 3, m.MacroF1, 12);
    }

    [Fact]
    public void One_vs_rest_auc_with_tied_scores_at_average_rank()
    {
        var m = DefaultMetrics.Of(Probabilities, Labels);
        // P: positives 0.7, 0.4 against 0.2, 0.5, 0.1, 0.2: 0.7 beats 4, 0.4 beats 3 → 7/8.
        //    By ranks: ascending 0.1 → 1, 0.2, 0.2 → 2.5, 0.4 → 4, 0.5 → 5, 0.7 → 6; (6 + 4 − 3) / (2·4) = 7/8.
        Assert.Equal(0.875, m.Classes[0].Auc, 12);
        // E: positives 0.5, 0.3 against 0.2, 0.4, 0.3, 0.4: 0.5 beats 4; 0.3 beats 0.2, ties 0.3 (½) → 5.5/8.
        Assert.Equal(0.6875, m.Classes[1].Auc, 12);
        // D: 0.6, 0.4 above every negative (0.1, 0.2, 0.3, 0.2) → 1.
        Assert.Equal(1.0, m.Classes[2].Auc, 12);
        Assert.Equal((0.875 + 0.6875 + 1) / 3, m.MacroAuc, 12);
    }

    [Fact]
    public void Average_precision_is_step_wise_per_distinct_threshold()
    {
        var m = DefaultMetrics.Of(Probabilities, Labels);
        // P, descending 0.7(+) 0.5(−) 0.4(+) 0.2(−,−) 0.1(−): R 1/2 at P 1, then R 1 at P 2/3 → 1/2 + 1/2·2/3 = 5/6.
        Assert.Equal(5.0 / 6, m.Classes[0].AveragePrecision, 12);
        // E, descending 0.5(+) 0.4(−,−) 0.3(+,−) 0.2(−): R 1/2 at P 1, then R 1 at P 2/5 (tie entered together) → 0.7.
        Assert.Equal(0.7, m.Classes[1].AveragePrecision, 12);
        Assert.Equal(1.0, m.Classes[2].AveragePrecision, 12);
        Assert.Equal((5.0 / 6 + 0.7 + 1) / 3, m.MeanAveragePrecision, 12);
    }

    [Fact]
    public void Ks_per_class_and_for_failure()
    {
        var m = DefaultMetrics.Of(Probabilities, Labels);
        // P: (TPR, FPR) at 0.7 (½, 0), 0.5 (½, ¼), 0.4 (1, ¼), 0.2 (1, ¾), 0.1 (1, 1) → max gap 3/4.
        Assert.Equal(0.75, m.Classes[0].Ks, 12);
        // E: 0.5 (½, 0), 0.4 (½, ½), 0.3 (1, ¾), 0.2 (1, 1) → ½.
        Assert.Equal(0.5, m.Classes[1].Ks, 12);
        Assert.Equal(1.0, m.Classes[2].Ks, 12);
        // Failure score P(E) + P(D): 0.3, 0.6 (negatives), 0.8, 0.5, 0.9, 0.8 (positives).
        // (TPR, FPR) at 0.9 (¼, 0), 0.8 (¾, 0), 0.6 (¾, ½), 0.5 (1, ½), 0.3 (1, 1) → KS ¾.
        Assert.Equal(0.75, m.FailureKs, 12);
        // AUC: 0.8 beats 2, 0.5 beats 1 (0.3), 0.9 beats 2, 0.8 beats 2 → 7/8.
        Assert.Equal(0.875, m.FailureAuc, 12);
        // AP: R ¼ at P 1, R ¾ at P 1, R 1 at P 4/5 → ¼ + ½ + ¼·0.8 = 0.95.
        Assert.Equal(0.95, m.FailureAveragePrecision, 12);
    }

    [Fact]
    public void Multiclass_brier()
    {
        var m = DefaultMetrics.Of(Probabilities, Labels);
        // Row sums of (p − onehot)²: 0.14, 0.56, 0.38, 0.78, 0.26, 0.56 → 2.68 / 6.
        Assert.Equal(2.68 / 6, m.Brier, 12);
    }

    [Fact]
    public void A_flat_float_output_gives_the_same_metrics()
    {
        var flat = Probabilities.SelectMany(r => r.Select(v => (float)v)).ToArray();
        var m = DefaultMetrics.Of(flat, Labels);
        Assert.Equal(DefaultMetrics.Of(Probabilities, Labels).Confusion, m.Confusion);
        Assert.Equal(0.875, m.Classes[0].Auc, 12);
        Assert.Throws<ArgumentException>(() => DefaultMetrics.Of(flat[..^1], Labels));
    }

    [Fact]
    public void A_run_that_never_predicts_a_class_is_flagged()
    {
        double[][] p = [[0.6, 0.3, 0.1], [0.5, 0.1, 0.4], [0.2, 0.7, 0.1]];
        var m = DefaultMetrics.Of(p, [0, 2, 1]);
        Assert.False(m.PredictsAllClasses);
        Assert.Equal(0, m.Classes[2].Predicted);
        Assert.Equal(0, m.Classes[2].Precision);
    }

    [Fact]
    public void Bad_input_is_rejected_with_the_row()
    {
        var e = Assert.Throws<ArgumentException>(() => DefaultMetrics.Of([[0.5, 0.5, 0.5]], [0]));
        Assert.Contains("row 0", e.Message);
        Assert.Throws<ArgumentException>(() => DefaultMetrics.Of([[0.5, 0.5, 0]], [3]));
        Assert.Throws<ArgumentException>(() => DefaultMetrics.Of([[0.5, 0.5]], [0]));
    }
}
