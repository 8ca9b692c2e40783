using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using StreamRisk.Nlp.Manifests;
using StreamRisk.Nlp.Sentiment;
using StreamRisk.Nlp.Training.Data;
using StreamRisk.Nlp.Training.Training;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands.Training;

/// <summary><c>streamrisk train sentiment</c>: trains the firm-level sentiment model (TorchSharp) on labelled texts and
/// writes it as an ONNX model folder that <c>--firm-model</c> takes.</summary>
internal static class TrainSentimentCommand
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data") { Description = "Labelled training file(s), .csv (text,label[,issuer]) or .jsonl ({text, label, issuer?, mentions?}); repeat for several. Labels: negative/neutral/positive.", AllowMultipleArgumentsPerToken = true };
        var test = new Option<string[]>("--test") { Description = "Held-out labelled file(s) scored after training for the report (never used for training, early stopping or calibration).", AllowMultipleArgumentsPerToken = true };
        var out_ = new Option<string>("--out", "-o") { Description = "Folder for the model (manifest.json, model.onnx, vocab.txt) and its report (report.md, calibration.svg, training.json).", Required = true };
        var vocab = new Option<string?>("--vocab") { Description = "WordPiece vocab.txt. Default: the shipped model's (bert-base-uncased)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the validation split, initial weights and batch order.", DefaultValueFactory = _ => 1 };
        var epochs = new Option<int>("--epochs") { Description = "Most epochs to train.", DefaultValueFactory = _ => 15 };
        var patience = new Option<int>("--patience") { Description = "Early stopping: epochs without a better validation macro-F1 before training stops.", DefaultValueFactory = _ => 3 };
        var validation = new Option<double>("--validation-fraction") { Description = "Share of the training rows held out (stratified) for early stopping and temperature calibration.", DefaultValueFactory = _ => 0.1 };
        var threads = new Option<int>("--threads") { Description = "CPU threads for training (0: all).", DefaultValueFactory = _ => 2 };
        var modelId = new Option<string>("--model-id") { Description = "Name@version written into every event the model scores.", DefaultValueFactory = _ => "firm-sentiment-cnn@1" };
        var synthetic = new Option<int>("--synthetic-sentences") { Description = "Add this many generated issuer-level sentences (several issuers, opposite tones, negation, comparisons; seeded by --seed) to the training rows.", DefaultValueFactory = _ => 0 };
        var scope = new Option<string>("--aspect-scope")
        {
            Description = "What the model reads for an issuer: 'clauses' (the text cut to the clauses that speak of the issuer, so another issuer's news "
                + "in the same sentence is not read as its own) or 'text' (the whole text, the issuer's mentions marked). Written into the manifest.",
            DefaultValueFactory = _ => "clauses",
        };
        scope.AcceptOnlyFromAmong("clauses", "text");
        var lexiconFeatures = new Option<bool>("--lexicon-features")
        {
            Description = "Also give the model the word-list scorer's evidence about the issuer (its negation, scope and credit-term rules) as two input features; the runner computes them when it serves the model.",
        };
        var masking = new Option<string>("--mention-masking")
        {
            Description = "What the model sees of issuer names: 'none' (the names as written) or 'issuers' (the scored issuer's mentions and the other "
                + "labelled issuers' names replaced by two reserved tokens, so a name is never read as news). Written into the manifest.",
            DefaultValueFactory = _ => "issuers",
        };
        masking.AcceptOnlyFromAmong("none", "issuers");
        var width = new Option<int>("--width")
        {
            Description = "Size of the word embeddings, of every convolution layer and of the hidden layer. Wider models fit more but score fewer texts per second.",
            DefaultValueFactory = _ => new SentimentTrainingOptions().Channels,
        };
        var schedule = new Option<string>("--lr-schedule")
        {
            Description = "Learning rate over the epochs: 'constant', or 'cosine' (from the start rate down to 0 at the last of --epochs).",
            DefaultValueFactory = _ => "constant",
        };
        schedule.AcceptOnlyFromAmong("constant", "cosine");
        var teachers = new Option<int>("--teachers")
        {
            Description = "Train this many models first (seeds --seed + 1 …, same split) and fit the model to their averaged calibrated probabilities as well as "
                + "to the labels (knowledge distillation): one model's serving cost, N + 1 times the training time; on the shipped data it kept little of the ensemble's gain (bench/RESULTS.md). 0: labels only.",
            DefaultValueFactory = _ => new SentimentTrainingOptions().Teachers,
        };
        var distillationWeight = new Option<double>("--distillation-weight")
        {
            Description = "With --teachers: share of the loss given to the teachers' probabilities, the rest to the labels.",
            DefaultValueFactory = _ => new SentimentTrainingOptions().DistillationWeight,
        };
        var members = new Option<int>("--ensemble")
        {
            Description = "Serve this many networks as one model (seeds --seed, --seed + 1 …, each holding out its own validation split and with the vocabulary of its own training rows): the mean of their "
                + "calibrated probabilities. More accurate; N times the training time, and slower to score (the shipped 3 networks: 54–81 % of one network's texts per second on the embedded path without store writes, measured). 1: a single network.",
            DefaultValueFactory = _ => new SentimentTrainingOptions().Members,
        };
        var quiet = CommonOptions.Quiet();
        var command = new Command("sentiment", "Train the firm-level sentiment model from scratch on labelled texts (sentence- or issuer-level) and "
            + "export it to ONNX with a calibrated temperature; reports accuracy, macro-F1, confusion matrix and calibration next to a naive-Bayes baseline and the lexicon.")
        {
            data, test, out_, vocab, seed, epochs, patience, validation, threads, modelId, synthetic, scope, lexiconFeatures, masking, width, schedule, teachers, distillationWeight, members, quiet,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var options = new SentimentTrainingOptions
            {
                Seed = result.GetValue(seed),
                MaxEpochs = result.GetValue(epochs),
                Patience = result.GetValue(patience),
                ValidationFraction = result.GetValue(validation),
                Threads = result.GetValue(threads),
                AspectScope = result.GetValue(scope) == "text" ? AspectScope.Text : AspectScope.Clauses,
                LexiconFeatures = result.GetValue(lexiconFeatures),
                MentionMasking = result.GetValue(masking) == "issuers" ? MentionMasking.Issuers : MentionMasking.None,
                EmbeddingSize = result.GetValue(width),
                Channels = result.GetValue(width),
                HiddenSize = result.GetValue(width),
                LearningRateSchedule = result.GetValue(schedule) == "cosine" ? LearningRateSchedule.Cosine : LearningRateSchedule.Constant,
                Teachers = result.GetValue(teachers),
                DistillationWeight = result.GetValue(distillationWeight),
                Members = result.GetValue(members),
            };
            return ExecuteAsync(new SentimentTrainingRequest
            {
                DataFiles = result.GetValue(data) ?? [],
                TestFiles = result.GetValue(test) ?? [],
                OutDirectory = result.GetValue(out_)!,
                VocabPath = result.GetValue(vocab) ?? "",
                ModelId = result.GetValue(modelId)!,
                Command = "streamrisk " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
                Options = options,
                SyntheticSentences = result.GetValue(synthetic),
            }, result.GetValue(quiet), cancellationToken);
        });
        return command;
    }

    private static string DefaultVocab() => BundledModelLocation.FirmSentimentFile(SentimentModelPackage.VocabFile)
        ?? throw new ConfigurationException($"cannot find the shipped vocabulary ({BundledModelLocation.FirmSentimentFolder}/vocab.txt); pass --vocab FILE");

    private static Task<int> ExecuteAsync(SentimentTrainingRequest request, bool quiet, CancellationToken cancellationToken)
    {
        return CommandErrors.GuardAsync("train sentiment", async () =>
        {
            if (request.DataFiles.Count == 0 && request.SyntheticSentences == 0) throw new ConfigurationException("nothing to train on: pass --data FILE (and/or --synthetic-sentences N)");
            if (request.VocabPath.Length == 0) request = request with { VocabPath = DefaultVocab() };
            Check(request);
            SentimentTrainingResult result;
            try
            {
                result = await ProgressBar.RunAsync<SentimentTrainingResult, TrainingProgress>("train sentiment: epochs", quiet,
                    p => (((p.Model - 1L) * p.MaxEpochs + p.Epoch - 1) * p.StepsPerEpoch + (p.Step - 1) % p.StepsPerEpoch + 1, (long)p.Models * p.MaxEpochs * p.StepsPerEpoch),
                    progress => Task.Run(() => SentimentTrainingRun.Run(request, progress ?? EpochLines(quiet), cancellationToken), cancellationToken));
            }
            catch (TrainingDataException e)
            {
                throw new InputException(e.Message);
            }
            catch (ModelManifestException e)
            {
                throw new ConfigurationException(e.Message);
            }
            catch (TrainingDivergedException e)
            {
                throw new ConfigurationException($"{e.Message}; no model was written. Try another --seed or --width.");
            }
            if (!quiet) SentimentTables.Write(result.Sets, $"model written to {result.ManifestPath} in {result.Elapsed.TotalSeconds:0} s (best epoch {result.Model.BestEpoch}, temperature {result.Model.Temperature.ToString("0.00", CultureInfo.InvariantCulture)})");
            return 0;
        });
    }

    /// <summary>Without a progress bar (output redirected), one line per epoch so a log shows how training goes.</summary>
    private static IProgress<TrainingProgress>? EpochLines(bool quiet)
    {
        if (quiet) return null;
        var started = DateTime.UtcNow;
        return new SynchronousProgress<TrainingProgress>(p =>
        {
            if (p.Step % p.StepsPerEpoch == 0)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(p.Models > 1 ? $"network {p.Model}/{p.Models}: " : "")}epoch {p.Epoch}/{p.MaxEpochs} done at {(DateTime.UtcNow - started).TotalSeconds:0} s; best validation macro-F1 before it {p.ValidationMacroF1:0.000}"));
        });
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    private static void Check(SentimentTrainingRequest request)
    {
        foreach (var f in request.DataFiles.Concat(request.TestFiles))
            if (!File.Exists(f)) throw new InputException($"labelled file '{f}' not found");
        if (!File.Exists(request.VocabPath)) throw new ConfigurationException($"--vocab '{request.VocabPath}' not found; expected a WordPiece vocab.txt");
        var o = request.Options;
        if (o.ValidationFraction is <= 0 or >= 0.5) throw new ConfigurationException($"--validation-fraction must be in (0, 0.5) (got {o.ValidationFraction})");
        if (o.MaxEpochs < 1) throw new ConfigurationException($"--epochs must be at least 1 (got {o.MaxEpochs})");
        if (o.Patience < 1) throw new ConfigurationException($"--patience must be at least 1 (got {o.Patience})");
        if (request.SyntheticSentences is < 0 or > 1_000_000) throw new ConfigurationException($"--synthetic-sentences must be in 0..1000000 (got {request.SyntheticSentences})");
        if (o.Threads < 0) throw new ConfigurationException($"--threads must be 0 (all) or more (got {o.Threads})");
        if (o.Teachers is < 0 or > 20) throw new ConfigurationException($"--teachers must be in 0..20 (got {o.Teachers})");
        if (o.Members is < 1 or > 10) throw new ConfigurationException($"--ensemble must be in 1..10 (got {o.Members})");
        if (o.Members > 1 && o.Teachers > 0) throw new ConfigurationException("--ensemble and --teachers cannot be combined: choose an ensemble (served together) or teachers (distilled into one network)");
        if (o.DistillationWeight is < 0 or > 1) throw new ConfigurationException($"--distillation-weight must be in 0..1 (got {o.DistillationWeight})");
        // Narrower convolutions run into a libtorch CPU kernel that now and then returns NaN or wrong input gradients
        // (measured at 4, 8 and 12 channels; never at 16 or more): docs/sentiment-model.md.
        if (o.Channels is < 16 or > 1024) throw new ConfigurationException($"--width must be in 16..1024 (got {o.Channels}); narrower layers hit a libtorch CPU fault that corrupts training");
    }
}

/// <summary>The metric tables that train and eval sentiment print.</summary>
internal static class SentimentTables
{
    public static void Write(IReadOnlyList<EvaluatedSet> sets, string caption)
    {
        string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        foreach (var set in sets)
        {
            var table = new Table().Title(Markup.Escape($"{set.Name} ({set.Rows} rows)"))
                .AddColumn("model").AddColumn(new TableColumn("accuracy").RightAligned()).AddColumn(new TableColumn("macro-F1").RightAligned())
                .AddColumn(new TableColumn("ECE").RightAligned()).AddColumn(new TableColumn("log loss").RightAligned());
            foreach (var (name, r) in set.Models) table.AddRow(Markup.Escape(name), F(r.Accuracy), F(r.MacroF1), F(r.ExpectedCalibrationError), F(r.LogLoss));
            AnsiConsole.Write(table);
        }
        AnsiConsole.MarkupLine(Markup.Escape(caption));
    }
}
