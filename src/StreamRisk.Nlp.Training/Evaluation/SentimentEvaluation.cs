using StreamRisk.Core.Sentiment;
using StreamRisk.Nlp.Training.Data;
using StreamRisk.Nlp.Training.Training;

namespace StreamRisk.Nlp.Training.Evaluation;

/// <summary>Scores labelled texts with any firm-level sentiment model (the served ONNX model, the lexicon) and reports
/// its argmax metrics and calibration.</summary>
public static class SentimentEvaluation
{
    public static ClassificationReport Evaluate(IFirmSentimentModel model, IReadOnlyList<LabelledText> rows, int batchSize = 256)
    {
        var requests = RowEncoder.Requests(rows);
        var probabilities = new List<double[]>(rows.Count);
        for (var s = 0; s < requests.Count; s += batchSize)
            foreach (var p in model.Score(requests.Skip(s).Take(batchSize).ToList()))
                probabilities.Add([p.Negative, p.Neutral, p.Positive]);
        return ClassificationReport.Of(rows.Select(r => r.Label).ToList(), probabilities);
    }

    public static ClassificationReport Evaluate(NaiveBayesBaseline baseline, IReadOnlyList<LabelledText> rows) =>
        ClassificationReport.Of(rows.Select(r => r.Label).ToList(), rows.Select(r => baseline.Predict(r.Text)).ToList());
}
