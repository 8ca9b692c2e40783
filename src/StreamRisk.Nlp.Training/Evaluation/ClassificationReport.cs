using StreamRisk.Nlp.Training.Data;

namespace StreamRisk.Nlp.Training.Evaluation;

/// <summary>One bin of a reliability curve: predictions whose top probability fell in [Low, High).</summary>
public sealed record ReliabilityBin(double Low, double High, int Count, double MeanConfidence, double Accuracy);

/// <summary>How well predicted class probabilities match labels: accuracy and macro-F1 of the argmax, the confusion
/// matrix (rows: true class, columns: predicted; order negative, neutral, positive), negative log-likelihood and the
/// expected calibration error of the top class over equal-width confidence bins.</summary>
public sealed record ClassificationReport(
    int Count,
    double Accuracy,
    double MacroF1,
    double[] F1,
    int[,] Confusion,
    double LogLoss,
    double ExpectedCalibrationError,
    IReadOnlyList<ReliabilityBin> Reliability)
{
    public const int Bins = 15;

    /// <param name="probabilities">Per example P(negative, neutral, positive).</param>
    public static ClassificationReport Of(IReadOnlyList<int> labels, IReadOnlyList<double[]> probabilities)
    {
        if (labels.Count != probabilities.Count) throw new ArgumentException("one probability vector per label");
        if (labels.Count == 0) throw new ArgumentException("no examples to score");
        var k = SentimentClasses.Count;
        var confusion = new int[k, k];
        double logLoss = 0;
        var binCount = new int[Bins];
        var binConfidence = new double[Bins];
        var binCorrect = new double[Bins];
        for (var i = 0; i < labels.Count; i++)
        {
            var p = probabilities[i];
            var predicted = ArgMax(p);
            confusion[labels[i], predicted]++;
            logLoss -= Math.Log(Math.Max(p[labels[i]], 1e-12));
            var bin = Math.Min(Bins - 1, (int)(p[predicted] * Bins));
            binCount[bin]++;
            binConfidence[bin] += p[predicted];
            binCorrect[bin] += predicted == labels[i] ? 1 : 0;
        }
        var correct = 0;
        var f1 = new double[k];
        for (var c = 0; c < k; c++)
        {
            correct += confusion[c, c];
            int truth = 0, predicted = 0;
            for (var j = 0; j < k; j++)
            {
                truth += confusion[c, j];
                predicted += confusion[j, c];
            }
            f1[c] = truth + predicted == 0 ? 0 : 2.0 * confusion[c, c] / (truth + predicted);
        }
        double ece = 0;
        var bins = new List<ReliabilityBin>(Bins);
        for (var b = 0; b < Bins; b++)
        {
            if (binCount[b] == 0) continue;
            var confidence = binConfidence[b] / binCount[b];
            var accuracy = binCorrect[b] / binCount[b];
            ece += binCount[b] * Math.Abs(confidence - accuracy) / labels.Count;
            bins.Add(new ReliabilityBin((double)b / Bins, (double)(b + 1) / Bins, binCount[b], confidence, accuracy));
        }
        return new ClassificationReport(labels.Count, (double)correct / labels.Count, f1.Average(), f1, confusion,
            logLoss / labels.Count, ece, bins);
    }

    public static int ArgMax(IReadOnlyList<double> p)
    {
        var best = 0;
        for (var c = 1; c < p.Count; c++) if (p[c] > p[best]) best = c;
        return best;
    }
}
