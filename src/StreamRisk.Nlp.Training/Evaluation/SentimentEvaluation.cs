using StreamRisk.Core.Sentiment;
using StreamRisk.Nlp.Training.Data;
using StreamRisk.Nlp.Training.Training;

namespace StreamRisk.Nlp.Training.Evaluation;

/// <summary>Scores labelled texts with any firm-level sentiment model (the served ONNX model, the lexicon) and reports
/// its argmax metrics and calibration.</summary>
public static class SentimentEvaluation
{
    public static ClassificationReport Evaluate(IFirmSentimentModel model, IReadOnlyList<LabelledText> rows, int batchSize = 256) =>
        ClassificationReport.Of(rows.Select(r => r.Label).ToList(), Probabilities(model, rows, batchSize));

    /// <summary>P(negative, neutral, positive) of every row, in order.</summary>
    public static List<double[]> Probabilities(IFirmSentimentModel model, IReadOnlyList<LabelledText> rows, int batchSize = 256)
    {
        var requests = RowEncoder.Requests(rows);
        var probabilities = new List<double[]>(rows.Count);
        for (var s = 0; s < requests.Count;)
        {
            // A batch never splits the rows of one text: the models tell a text's issuers apart by the mentions of all of them.
            var e = Math.Min(s + batchSize, requests.Count);
            while (e < requests.Count && e > s + 1 && requests[e].Text == requests[e - 1].Text) e++;
            foreach (var p in model.Score(requests.Skip(s).Take(e - s).ToList()))
                probabilities.Add([p.Negative, p.Neutral, p.Positive]);
            s = e;
        }
        return probabilities;
    }

    public static ClassificationReport Evaluate(NaiveBayesBaseline baseline, IReadOnlyList<LabelledText> rows) =>
        ClassificationReport.Of(rows.Select(r => r.Label).ToList(), rows.Select(r => baseline.Predict(r.Text)).ToList());
}
