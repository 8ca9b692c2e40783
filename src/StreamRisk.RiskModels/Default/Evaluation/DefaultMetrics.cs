using StreamRisk.Core.Events;

namespace StreamRisk.RiskModels.Default.Evaluation;

/// <summary>One class against the rest: counts, the class's rank and calibration metrics, and its curves for charts.</summary>
/// <param name="Support">Rows whose true class is this one.</param>
/// <param name="Precision">Of the rows predicted as this class, the share that are (0 when none is predicted).</param>
/// <param name="Recall">Of the rows of this class, the share predicted as it (0 when the class has no row).</param>
/// <param name="AveragePrecision">Step-wise AP of P(class) (see <see cref="BinaryRanking.AveragePrecision"/>).</param>
/// <param name="Ks">KS of P(class) between this class and the rest.</param>
/// <param name="Ece">Expected calibration error of P(class) on <see cref="Reliability"/>'s bins.</param>
public sealed record ClassMetrics(
    RiskClass Class,
    int Support,
    int Predicted,
    double Precision,
    double Recall,
    double F1,
    double Auc,
    double AveragePrecision,
    double Ks,
    double Ece,
    IReadOnlyList<ReliabilityBin> Reliability,
    IReadOnlyList<RocPoint> Roc,
    IReadOnlyList<PrPoint> Pr);

/// <summary>
/// Metrics of three-class probabilities (performing, extended, defaulted) against the true classes. The predicted class is
/// the most probable one, ties to the more severe class (as <see cref="StreamRisk.Core.Scoring.BaselineRiskScorer"/>).
/// Macro figures are unweighted means over the three classes (NaN when a class is absent from the truth, where AUC is
/// undefined). "Failure" is extended or defaulted, scored by P(extended) + P(defaulted).
/// </summary>
/// <param name="Confusion">[true class][predicted class] counts.</param>
/// <param name="MeanAveragePrecision">mAP: mean over classes of the step-wise average precision.</param>
/// <param name="Brier">Multi-class Brier score: mean over rows of Σ_k (p_k − 1[y = k])², in [0, 2].</param>
/// <param name="MacroEce">Class-wise ECE: the mean over classes of each class's one-vs-rest ECE.</param>
/// <param name="PredictsAllClasses">Every class is the predicted class of at least one row; a run that never predicts a
/// class does not count in the mean ± sd (issue 11).</param>
public sealed record DefaultMetrics(
    int Count,
    int[][] Confusion,
    IReadOnlyList<ClassMetrics> Classes,
    double Accuracy,
    double MacroRecall,
    double MacroF1,
    double MacroAuc,
    double MeanAveragePrecision,
    double FailureAuc,
    double FailureAveragePrecision,
    double FailureKs,
    double Brier,
    double MacroEce,
    bool PredictsAllClasses)
{
    public const int ClassCount = 3;

    /// <summary>Metrics of <paramref name="probabilities"/> (one row of three per example) against <paramref name="labels"/> (0, 1, 2).</summary>
    public static DefaultMetrics Of(IReadOnlyList<double[]> probabilities, IReadOnlyList<int> labels, int calibrationBins = 10)
    {
        Validate(probabilities, labels);
        var n = labels.Count;
        var confusion = Enumerable.Range(0, ClassCount).Select(_ => new int[ClassCount]).ToArray();
        var brier = 0.0;
        var correct = 0;
        for (var i = 0; i < n; i++)
        {
            var predicted = PredictedClass(probabilities[i]);
            confusion[labels[i]][predicted]++;
            if (predicted == labels[i]) correct++;
            for (var k = 0; k < ClassCount; k++)
            {
                var e = probabilities[i][k] - (labels[i] == k ? 1 : 0);
                brier += e * e;
            }
        }

        var classes = new ClassMetrics[ClassCount];
        for (var k = 0; k < ClassCount; k++)
        {
            var scores = probabilities.Select(p => p[k]).ToArray();
            var positives = labels.Select(l => l == k).ToArray();
            var support = confusion[k].Sum();
            var predicted = confusion.Sum(row => row[k]);
            var tp = confusion[k][k];
            var precision = predicted == 0 ? 0 : tp / (double)predicted;
            var recall = support == 0 ? 0 : tp / (double)support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            var reliability = Calibration.ReliabilityCurve(scores, positives, calibrationBins);
            classes[k] = new ClassMetrics((RiskClass)k, support, predicted, precision, recall, f1,
                BinaryRanking.Auc(scores, positives), BinaryRanking.AveragePrecision(scores, positives), BinaryRanking.Ks(scores, positives),
                Calibration.ExpectedCalibrationError(reliability), reliability,
                BinaryRanking.RocCurve(scores, positives), BinaryRanking.PrCurve(scores, positives));
        }

        var failureScores = probabilities.Select(p => p[1] + p[2]).ToArray();
        var failures = labels.Select(l => l != 0).ToArray();
        return new DefaultMetrics(
            n,
            confusion,
            classes,
            n == 0 ? double.NaN : correct / (double)n,
            classes.Average(c => c.Recall),
            classes.Average(c => c.F1),
            classes.Average(c => c.Auc),
            classes.Average(c => c.AveragePrecision),
            BinaryRanking.Auc(failureScores, failures),
            BinaryRanking.AveragePrecision(failureScores, failures),
            BinaryRanking.Ks(failureScores, failures),
            n == 0 ? double.NaN : brier / n,
            classes.Average(c => c.Ece),
            classes.All(c => c.Predicted > 0));
    }

    /// <summary>Metrics of a network's flat row-major output [n·3] (float, as the sequence models give it).</summary>
    public static DefaultMetrics Of(float[] flatProbabilities, IReadOnlyList<int> labels, int calibrationBins = 10)
    {
        if (flatProbabilities.Length != labels.Count * ClassCount)
            throw new ArgumentException($"{flatProbabilities.Length} probabilities for {labels.Count} labels: expected {ClassCount} per label", nameof(flatProbabilities));
        var rows = new double[labels.Count][];
        for (var i = 0; i < rows.Length; i++) rows[i] = [flatProbabilities[3 * i], flatProbabilities[3 * i + 1], flatProbabilities[3 * i + 2]];
        return Of(rows, labels, calibrationBins);
    }

    /// <summary>The most probable class; a tie goes to the more severe class (defaulted over extended over performing).</summary>
    public static int PredictedClass(IReadOnlyList<double> probabilities)
    {
        var best = 0;
        for (var k = 1; k < probabilities.Count; k++)
        {
            if (probabilities[k] >= probabilities[best]) best = k;
        }
        return best;
    }

    /// <summary>The scalar metrics by name, in a fixed order (tables, mean ± sd over seeds).</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Scalars() =>
    [
        new("macro_recall", MacroRecall),
        new("macro_f1", MacroF1),
        new("map", MeanAveragePrecision),
        new("macro_auc", MacroAuc),
        new("accuracy", Accuracy),
        new("failure_auc", FailureAuc),
        new("failure_pr_auc", FailureAveragePrecision),
        new("failure_ks", FailureKs),
        new("brier", Brier),
        new("macro_ece", MacroEce),
        .. Classes.SelectMany(c => new KeyValuePair<string, double>[]
        {
            new($"{Name(c.Class)}_recall", c.Recall),
            new($"{Name(c.Class)}_f1", c.F1),
            new($"{Name(c.Class)}_auc", c.Auc),
            new($"{Name(c.Class)}_ap", c.AveragePrecision),
            new($"{Name(c.Class)}_ks", c.Ks),
            new($"{Name(c.Class)}_ece", c.Ece),
        }),
    ];

    private static string Name(RiskClass c) => c.ToString().ToLowerInvariant();

    private static void Validate(IReadOnlyList<double[]> probabilities, IReadOnlyList<int> labels)
    {
        if (probabilities.Count != labels.Count) throw new ArgumentException($"{probabilities.Count} probability rows but {labels.Count} labels");
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] is < 0 or >= ClassCount) throw new ArgumentException($"label {i} is {labels[i]}: must be 0 (performing), 1 (extended) or 2 (defaulted)", nameof(labels));
            if (probabilities[i] is not { Length: ClassCount } row) throw new ArgumentException($"probability row {i} must have {ClassCount} values", nameof(probabilities));
            var sum = 0.0;
            foreach (var p in row)
            {
                if (!(p >= 0 && p <= 1)) throw new ArgumentException($"probability row {i} has {p}: probabilities lie in [0, 1]", nameof(probabilities));
                sum += p;
            }
            // float32 softmax rows sum to 1 within a few 1e-7.
            if (Math.Abs(sum - 1) > 1e-5) throw new ArgumentException($"probability row {i} sums to {sum}, not 1", nameof(probabilities));
        }
    }
}
