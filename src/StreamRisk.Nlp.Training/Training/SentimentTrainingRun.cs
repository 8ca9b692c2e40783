using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using StreamRisk.Core.Sentiment;
using StreamRisk.Nlp.Runtime;
using StreamRisk.Nlp.Sentiment;
using StreamRisk.Nlp.Training.Data;
using StreamRisk.Nlp.Training.Evaluation;

namespace StreamRisk.Nlp.Training.Training;

/// <summary>What <c>streamrisk train sentiment</c> was asked to do.</summary>
public sealed record SentimentTrainingRequest
{
    public required IReadOnlyList<string> DataFiles { get; init; }
    /// <summary>Held-out labelled files, scored only after training for the report (never used to choose anything).</summary>
    public IReadOnlyList<string> TestFiles { get; init; } = [];
    public required string OutDirectory { get; init; }
    public required string VocabPath { get; init; }
    public string ModelId { get; init; } = "firm-sentiment-cnn@1";
    /// <summary>The command line, recorded so the model can be reproduced.</summary>
    public string Command { get; init; } = "";
    public SentimentTrainingOptions Options { get; init; } = new();
    /// <summary>Synthetic issuer-level sentences (<see cref="Synthetic.AspectSentenceGenerator"/>, seeded by the run's seed;
    /// each further network of an ensemble draws its own with its seed) added to the training rows; 0 for none.</summary>
    public int SyntheticSentences { get; init; }
}

/// <summary>One labelled set scored by every model in the report.</summary>
public sealed record EvaluatedSet(string Name, int Rows, IReadOnlyList<(string Model, ClassificationReport Report)> Models);

public sealed record SentimentTrainingResult(string ManifestPath, TrainedSentimentModel Model, IReadOnlyList<EvaluatedSet> Sets, TimeSpan Elapsed);

/// <summary>Reads the data, trains, exports the ONNX package, then scores the served model (through ONNX Runtime, as
/// production runs it), the naive-Bayes baseline and the lexicon on the validation split and on every test file, and
/// writes report.md, calibration.svg and training.json.</summary>
public static class SentimentTrainingRun
{
    public static SentimentTrainingResult Run(SentimentTrainingRequest request, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var rows = request.DataFiles.SelectMany(LabelledTextReader.Read).ToList();
        // The run's own seed's sentences are drawn once: the first network trains on them and the word-list scorer is
        // calibrated on them; further networks of an ensemble draw their own.
        List<LabelledText> Generated(int seed) => new Synthetic.AspectSentenceGenerator(seed).Generate(request.SyntheticSentences);
        var ownSynthetic = request.SyntheticSentences > 0 ? Generated(request.Options.Seed) : [];
        Func<int, IReadOnlyList<LabelledText>>? synthetic = request.SyntheticSentences > 0
            ? seed => seed == request.Options.Seed ? ownSynthetic : Generated(seed)
            : null;
        var tests = request.TestFiles.Select(f => (File: f, Rows: LabelledTextReader.Read(f))).ToList();
        var model = SentimentTrainer.Train(rows, request.VocabPath, request.Options, progress, cancellationToken, synthetic);
        rows.AddRange(ownSynthetic);
        var trainSeconds = clock.Elapsed.TotalSeconds;

        var training = new JsonObject
        {
            ["model_id"] = request.ModelId,
            ["command"] = request.Command,
            ["seed"] = request.Options.Seed,
            ["options"] = System.Text.Json.JsonSerializer.SerializeToNode(request.Options),
            ["data"] = Files(request.DataFiles),
            ["synthetic_sentences"] = request.SyntheticSentences,
            ["test_data"] = Files(request.TestFiles),
            ["vocab_sha256"] = SentimentModelPackage.Sha256File(request.VocabPath),
            ["train_rows"] = model.TrainRows.Count,
            ["validation_rows"] = model.ValidationRows.Count,
            ["vocabulary_rows"] = model.Vocabulary.Count,
            ["best_epoch"] = model.BestEpoch,
            ["epochs_run"] = model.History.Count,
            ["temperature"] = model.Temperature,
            ["teachers"] = Networks(model.Teachers),
            ["members"] = Networks(model.Members),
            ["train_seconds"] = Math.Round(trainSeconds, 1),
        };
        var manifest = SentimentModelPackage.Write(request.OutDirectory, model.Served, model.Temperature, request.VocabPath, request.ModelId,
            request.Options.MaxLength, training, request.Options.AspectScope, request.Options.MentionMasking);

        var baseline = NaiveBayesBaseline.Train(model.TrainRows);
        var lexicon = new LexiconFirmSentimentModel();
        // The word-list scorer is calibrated on the same training rows (it learns nothing else from them); shipped next
        // to the model so that --firm-model lexicon serves calibrated probabilities too.
        var calibration = LexiconCalibrationFit.Fit(lexicon, rows,
            $"{rows.Count} training rows of: {string.Join(", ", request.DataFiles.Select(Path.GetFileName))}"
            + (request.SyntheticSentences > 0 ? $" + {request.SyntheticSentences} synthetic sentences (seed {request.Options.Seed})" : ""));
        calibration.Save(Path.Combine(request.OutDirectory, SentimentModelPackage.LexiconCalibrationFile));
        var calibratedLexicon = new LexiconFirmSentimentModel(calibration: calibration);
        var sets = new List<EvaluatedSet>();
        using (var served = OnnxAbsaModel.Load(manifest, new OnnxRuntimeOptions { IntraOpThreads = request.Options.Threads }))
        {
            EvaluatedSet Score(string name, IReadOnlyList<LabelledText> set) => new(name, set.Count,
            [
                (request.ModelId, SentimentEvaluation.Evaluate(served, set)),
                ("naive Bayes (uni+bigrams)", SentimentEvaluation.Evaluate(baseline, set)),
                (lexicon.ModelId, SentimentEvaluation.Evaluate(lexicon, set)),
                (calibratedLexicon.ModelId, SentimentEvaluation.Evaluate(calibratedLexicon, set)),
            ]);
            sets.Add(Score("validation split (early stopping and calibration)", model.ValidationRows));
            foreach (var (file, set) in tests) sets.Add(Score(Path.GetFileName(file), set));
        }
        training["evaluation"] = new JsonArray(sets.Select(s => (JsonNode)new JsonObject
        {
            ["set"] = s.Name,
            ["rows"] = s.Rows,
            ["models"] = new JsonArray(s.Models.Select(m => (JsonNode)new JsonObject
            {
                ["model"] = m.Model,
                ["accuracy"] = Math.Round(m.Report.Accuracy, 4),
                ["macro_f1"] = Math.Round(m.Report.MacroF1, 4),
                ["ece"] = Math.Round(m.Report.ExpectedCalibrationError, 4),
                ["log_loss"] = Math.Round(m.Report.LogLoss, 4),
            }).ToArray()),
        }).ToArray());
        File.WriteAllText(Path.Combine(request.OutDirectory, SentimentModelPackage.TrainingFile),
            training.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
        var last = sets[^1];
        CalibrationChart.Write(Path.Combine(request.OutDirectory, "calibration.svg"), $"Reliability on {last.Name}", last.Models);
        File.WriteAllText(Path.Combine(request.OutDirectory, "report.md"), TrainingReport.Markdown(request, model, sets, clock.Elapsed));
        return new SentimentTrainingResult(manifest, model, sets, clock.Elapsed);
    }

    private static JsonArray Networks(IEnumerable<NetworkRecord> networks) => new(networks.Select(t => (JsonNode)new JsonObject
    {
        ["seed"] = t.Seed,
        ["best_epoch"] = t.BestEpoch,
        ["temperature"] = t.Temperature,
        ["validation_accuracy"] = Math.Round(t.ValidationAccuracy, 4),
        ["validation_macro_f1"] = Math.Round(t.ValidationMacroF1, 4),
        ["vocabulary_rows"] = t.VocabularyRows,
    }).ToArray());

    private static JsonArray Files(IEnumerable<string> files) => new(files.Select(f => (JsonNode)new JsonObject
    {
        ["path"] = f.Replace('\\', '/'),
        ["sha256"] = SentimentModelPackage.Sha256File(f),
    }).ToArray());
}
