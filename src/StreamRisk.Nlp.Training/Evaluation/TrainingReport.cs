using System.Globalization;
using System.Text;
using StreamRisk.Nlp.Training.Data;
using StreamRisk.Nlp.Training.Training;

namespace StreamRisk.Nlp.Training.Evaluation;

/// <summary>report.md of a training run: data, command, epochs, calibration and every scored set.</summary>
public static class TrainingReport
{
    public static string Markdown(SentimentTrainingRequest request, TrainedSentimentModel model, IReadOnlyList<EvaluatedSet> sets, TimeSpan elapsed)
    {
        var s = new StringBuilder();
        string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        s.AppendLine($"# Training report: {request.ModelId}").AppendLine();
        s.AppendLine($"Command: `{request.Command}`").AppendLine();
        s.AppendLine($"- data: {string.Join(", ", request.DataFiles)} → {model.TrainRows.Count} training rows, {model.ValidationRows.Count} validation rows (stratified, seed {request.Options.Seed})");
        s.AppendLine($"- vocabulary rows: {model.Vocabulary.Count}; best epoch {model.BestEpoch} of {model.History.Count} run; temperature {F(model.Temperature)}");
        s.AppendLine($"- validation ECE before / after temperature scaling: {F(model.ValidationUncalibrated.ExpectedCalibrationError)} / {F(model.ValidationCalibrated.ExpectedCalibrationError)}");
        string Networks(IEnumerable<NetworkRecord> networks) => string.Join("; ", networks.Select(t =>
            $"seed {t.Seed}, best epoch {t.BestEpoch}, temperature {F(t.Temperature)}, validation accuracy {F(t.ValidationAccuracy)} / macro-F1 {F(t.ValidationMacroF1)}, vocabulary rows {t.VocabularyRows}"));
        if (model.Teachers.Count > 0)
            s.AppendLine($"- distilled from {model.Teachers.Count} teachers (weight {F(request.Options.DistillationWeight)} on their averaged calibrated probabilities): {Networks(model.Teachers)}");
        if (model.Members.Count > 0)
            s.AppendLine($"- an ensemble of {model.Members.Count} networks, each early-stopped and calibrated on its own validation split and with the vocabulary of its own training rows, serving the mean of their calibrated probabilities (the epochs below are the first network's; the validation split is the first network's, on which the others trained, so the ensemble's validation scores are optimistic): {Networks(model.Members)}");
        s.AppendLine($"- wall time: {elapsed.TotalSeconds:0} s").AppendLine();
        s.AppendLine("| epoch | train loss | validation loss | validation accuracy | validation macro-F1 |").AppendLine("|---|---|---|---|---|");
        foreach (var e in model.History) s.AppendLine($"| {e.Epoch} | {F(e.TrainLoss)} | {F(e.ValidationLoss)} | {F(e.ValidationAccuracy)} | {F(e.ValidationMacroF1)} |");
        s.AppendLine();
        foreach (var set in sets)
        {
            s.AppendLine($"## {set.Name} ({set.Rows} rows)").AppendLine();
            s.AppendLine("| model | accuracy | macro-F1 | F1 neg / neu / pos | ECE | log loss |").AppendLine("|---|---|---|---|---|---|");
            foreach (var (name, r) in set.Models)
                s.AppendLine($"| {name} | {F(r.Accuracy)} | {F(r.MacroF1)} | {F(r.F1[0])} / {F(r.F1[1])} / {F(r.F1[2])} | {F(r.ExpectedCalibrationError)} | {F(r.LogLoss)} |");
            s.AppendLine().AppendLine($"Confusion matrix of {set.Models[0].Model} (rows: true, columns: predicted):").AppendLine();
            s.AppendLine("| | " + string.Join(" | ", SentimentClasses.Names) + " |").AppendLine("|---|---|---|---|");
            var c = set.Models[0].Report.Confusion;
            for (var t = 0; t < SentimentClasses.Count; t++)
                s.AppendLine($"| {SentimentClasses.Names[t]} | {c[t, 0]} | {c[t, 1]} | {c[t, 2]} |");
            s.AppendLine();
        }
        s.AppendLine("calibration.svg: reliability diagram of the last set above.");
        return s.ToString();
    }
}
