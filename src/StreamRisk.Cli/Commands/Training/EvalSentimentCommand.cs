using System.CommandLine;
using StreamRisk.Core.Sentiment;
using StreamRisk.Nlp.Manifests;
using StreamRisk.Nlp.Runtime;
using StreamRisk.Nlp.Sentiment;
using StreamRisk.Nlp.Training.Data;
using StreamRisk.Nlp.Training.Evaluation;
using StreamRisk.Nlp.Training.Training;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands.Training;

/// <summary><c>streamrisk eval sentiment</c>: scores a firm-sentiment model (a trained model folder, a manifest, or the
/// lexicon) on labelled files.</summary>
internal static class EvalSentimentCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model folder (with manifest.json), a manifest file, 'default' (the shipped trained model), 'single' (its first network alone) or 'lexicon'.", DefaultValueFactory = _ => "default" };
        var data = new Option<string[]>("--data") { Description = "Labelled file(s), .csv (text,label[,issuer]) or .jsonl ({text, label, issuer?, mentions?}).", Required = true, AllowMultipleArgumentsPerToken = true };
        var out_ = new Option<string?>("--out", "-o") { Description = "Folder for calibration.svg (reliability diagram of the last file)." };
        var predictions = new Option<string?>("--predictions")
        {
            Description = "Write every row with the model's probabilities and predicted label to this JSON Lines file (file, line, text, issuer, label, predicted, p_negative, p_neutral, p_positive, right), to see which rows it gets wrong.",
        };
        var command = new Command("sentiment", "Score a firm-sentiment model on labelled texts: accuracy, macro-F1 and expected calibration error of its probabilities, next to the lexicon.")
        {
            model, data, out_, predictions,
        };
        command.SetAction((result, _) => ExecuteAsync(result.GetValue(model)!, result.GetValue(data)!, result.GetValue(out_), result.GetValue(predictions)));
        return command;
    }

    private static Task<int> ExecuteAsync(string model, string[] files, string? outDirectory, string? predictionsFile)
    {
        return CommandErrors.GuardAsync("eval sentiment", () =>
        {
            var sets = new List<EvaluatedSet>();
            var lexicon = new LexiconFirmSentimentModel();
            var calibrated = BundledModelLocation.LexiconCalibration() is { } calibration ? new LexiconFirmSentimentModel(calibration: calibration) : null;
            using var loaded = Load(model);
            var scored = (IFirmSentimentModel?)loaded ?? calibrated ?? lexicon;
            using var predictions = predictionsFile is null ? null : new PredictionWriter(predictionsFile);
            foreach (var file in files)
            {
                IReadOnlyList<LabelledText> rows;
                try
                {
                    rows = LabelledTextReader.Read(file);
                }
                catch (TrainingDataException e)
                {
                    throw new InputException(e.Message);
                }
                var probabilities = SentimentEvaluation.Probabilities(scored, rows);
                predictions?.Write(file, rows, probabilities);
                var models = new List<(string, ClassificationReport)> { (scored.ModelId, ClassificationReport.Of(rows.Select(r => r.Label).ToList(), probabilities)) };
                if (loaded is not null && calibrated is not null) models.Add((calibrated.ModelId, SentimentEvaluation.Evaluate(calibrated, rows)));
                if (!ReferenceEquals(scored, lexicon)) models.Add((lexicon.ModelId, SentimentEvaluation.Evaluate(lexicon, rows)));
                sets.Add(new EvaluatedSet(Path.GetFileName(file), rows.Count, models));
            }
            if (outDirectory is not null)
            {
                Directory.CreateDirectory(outDirectory);
                CalibrationChart.Write(Path.Combine(outDirectory, "calibration.svg"), $"Reliability on {sets[^1].Name}", sets[^1].Models);
            }
            SentimentTables.Write(sets, $"model: {scored.ModelId}");
            return Task.FromResult(0);
        });
    }

    /// <summary>The ONNX model <paramref name="model"/> names, or null for the lexicon.</summary>
    private static OnnxAbsaModel? Load(string model)
    {
        if (model == "lexicon") return null;
        var manifest = BundledModelLocation.ResolveFirmModel(model);
        try
        {
            return OnnxAbsaModel.Load(manifest, new OnnxRuntimeOptions());
        }
        catch (ModelManifestException e)
        {
            throw new ConfigurationException(e.Message);
        }
    }
}
