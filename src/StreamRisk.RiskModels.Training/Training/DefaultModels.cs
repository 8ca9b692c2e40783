using System.Globalization;
using StreamRisk.RiskModels.Artifacts;
using StreamRisk.RiskModels.Default;
using StreamRisk.RiskModels.Default.Classifiers;
using StreamRisk.RiskModels.Default.Features;
using StreamRisk.RiskModels.Default.Sampling;
using StreamRisk.RiskModels.Networks;
using StreamRisk.RiskModels.Training.Default.Classifiers;

namespace StreamRisk.RiskModels.Training.Training;

/// <summary>Test probabilities of one trained model (one row of three per test example) and its artifact folder, if any.</summary>
public sealed record DefaultModelRun(double[][] Probabilities, string? Artifact);

/// <summary>A model of the study: its key (<c>--model</c>), table name, family, whether its result depends on the seed,
/// and how to train it and score the test split.</summary>
public sealed record DefaultModelSpec(string Key, string Name, string Family, bool Seeded,
    Func<DefaultModelContext, int, IProgress<TrainingProgress>?, CancellationToken, DefaultModelRun> Run);

/// <summary>The dataset and its derived inputs, built once per study and shared by the models.</summary>
public sealed class DefaultModelContext(DefaultDataset dataset, DefaultExperimentOptions options)
{
    private readonly Lazy<string> _hash = new(dataset.Sha256);
    private readonly Lazy<(double[][] Train, double[][] Test)> _tabularRows = new(() =>
    {
        var f = new DefaultTabularFeatures(dataset.MacroNames, DefaultDataset.Chapters);
        return (f.ExtractAll(dataset.Train), f.ExtractAll(dataset.Test));
    });
    /// <summary>The training split's tabular rows with each chapter's mean embedding appended (the text-embedding MLP's
    /// input). Test rows are built by the served model itself, as live serving builds them.</summary>
    private double[][] EmbeddingTrainRowsOf() =>
        _tabularRows.Value.Train.Select((row, i) => ChapterEmbeddingFeatures.Append(row, dataset.Train[i], DefaultDataset.Chapters.Count, DisclosureChapters.EmbeddingDimension)).ToArray();

    private readonly Lazy<(DefaultBatch Train, DefaultBatch Validation, DefaultBatch Test)> _batches = new(() =>
    {
        var normalisation = DefaultTensors.Fit(dataset.Train);
        var steps = options.Emdlot.Steps;
        return (DefaultTensors.Build(dataset.Train, normalisation, steps, text: false), DefaultTensors.Build(dataset.Validation, normalisation, steps, text: false),
            DefaultTensors.Build(dataset.Test, normalisation, steps, text: false));
    });

    public DefaultDataset Dataset => dataset;
    public DefaultExperimentOptions Options => options;
    public string DataHash => _hash.Value;
    public int[] TrainLabels { get; } = dataset.Train.Select(e => (int)e.Label).ToArray();
    public (double[][] Train, double[][] Test) TabularRows => _tabularRows.Value;
    public double[][] EmbeddingTrainRows => _embeddingTrainRows ??= EmbeddingTrainRowsOf();
    private double[][]? _embeddingTrainRows;
    public (DefaultBatch Train, DefaultBatch Validation, DefaultBatch Test) Batches => _batches.Value;

    public string ModelDirectory(string key, int seed) => options.ArtifactDirectory
        ?? Path.Combine(options.OutDirectory, "models", key, string.Create(CultureInfo.InvariantCulture, $"seed-{seed}"));
}

/// <summary>The models of the default-class study.</summary>
public static class DefaultModels
{
    public const string Emdlot = "emdlot";
    public const string EmbedMlp = "embed-mlp";

    /// <summary>The models <c>train default</c> writes a servable artifact for (<c>--risk-model</c>).</summary>
    public static readonly IReadOnlyList<string> Servable =
        [Emdlot, "emdlot-no-text", "emdlot-no-clustering", "emdlot-no-attention", "emdlot-plain-lstm", "lstm", EmbedMlp, "mlp", "mlp-smote"];

    public static readonly IReadOnlyList<DefaultModelSpec> Specs =
    [
        new("prior", "class prior (training frequencies)", "baseline", false, (c, s, _, _) => Tabular(c, new PriorClassifier(), false, s)),
        new("logistic", "logistic regression", "baseline", false, (c, s, _, _) => Tabular(c, new LogisticRegressionClassifier(), false, s)),
        new("logistic-smote", "logistic regression + SMOTE", "baseline", true, (c, s, _, _) => Tabular(c, new LogisticRegressionClassifier(), true, s)),
        new("mlp", "MLP", "baseline", true, (c, s, _, _) => ServableMlp(c, "mlp", smote: false, textEmbedding: false, s)),
        new("mlp-smote", "MLP + SMOTE", "baseline", true, (c, s, _, _) => ServableMlp(c, "mlp-smote", smote: true, textEmbedding: false, s)),
        new("lightgbm", "LightGBM", "baseline", true, (c, s, _, _) => Tabular(c, new LightGbmClassifier(), false, s)),
        new("lightgbm-smote", "LightGBM + SMOTE", "baseline", true, (c, s, _, _) => Tabular(c, new LightGbmClassifier(), true, s)),
        new("fasttree", "FastTree (one-vs-all)", "baseline", true, (c, s, _, _) => Tabular(c, new FastTreeOvaClassifier(), false, s)),
        new("gan-cnn", "GAN oversampling + 1-D CNN (seed 002)", "seed system", true, GanCnn),
        new(EmbedMlp, "text-embedding MLP + SMOTE (seed 004)", "seed system", true, (c, s, _, _) => ServableMlp(c, EmbedMlp, smote: true, textEmbedding: true, s)),
        new(Emdlot, "EMDLOT", "EMDLOT", true, (c, s, p, t) => EmdlotRun(c, Emdlot, c.Options.Emdlot, s, p, t)),
        new("emdlot-no-text", "EMDLOT without text", "ablation", true, (c, s, p, t) => EmdlotRun(c, "emdlot-no-text", c.Options.Emdlot with { UseText = false }, s, p, t)),
        new("emdlot-no-clustering", "EMDLOT without clustering", "ablation", true, (c, s, p, t) => EmdlotRun(c, "emdlot-no-clustering", c.Options.Emdlot with { Clusters = 1 }, s, p, t)),
        new("emdlot-no-attention", "EMDLOT without attention", "ablation", true, (c, s, p, t) => EmdlotRun(c, "emdlot-no-attention", c.Options.Emdlot with { UseAttention = false }, s, p, t)),
        new("emdlot-plain-lstm", "EMDLOT with a plain LSTM cell", "ablation", true, (c, s, p, t) => EmdlotRun(c, "emdlot-plain-lstm", c.Options.Emdlot with { TimeAware = false }, s, p, t)),
        new("lstm", "plain LSTM (no text, attention, clustering or time decay)", "baseline", true, (c, s, p, t) =>
            EmdlotRun(c, "lstm", c.Options.Emdlot with { UseText = false, UseAttention = false, Clusters = 1, TimeAware = false }, s, p, t)),
    ];

    public static IReadOnlyCollection<string> Keys => Specs.Select(s => s.Key).ToArray();

    private static DefaultModelRun Tabular(DefaultModelContext context, IDefaultClassifier model, bool smote, int seed)
    {
        var classifier = new TabularClassifier(model, smote);
        classifier.Fit(context.TabularRows.Train, context.TrainLabels, seed);
        return new DefaultModelRun(classifier.PredictProbabilities(context.TabularRows.Test), null);
    }

    /// <summary>Trains the MLP (with SMOTE and the chapters' mean embeddings when asked), writes its artifact and scores the
    /// test split with the served model, which builds its rows from the examples as live serving does.</summary>
    private static DefaultModelRun ServableMlp(DefaultModelContext context, string key, bool smote, bool textEmbedding, int seed)
    {
        var train = textEmbedding ? context.EmbeddingTrainRows : context.TabularRows.Train;
        var classifier = new TabularClassifier(new MlpClassifier(), smote);
        classifier.Fit(train, context.TrainLabels, seed);
        var mlp = (MlpClassifier)classifier.Model;
        var dataset = context.Dataset;
        var description = new TabularMlpDescription(
            string.Create(CultureInfo.InvariantCulture, $"default-{key}@{context.DataHash[..8]}-s{seed}"), dataset.MacroNames, DefaultDataset.Chapters,
            context.Options.Dataset.MaxQuarters, textEmbedding, textEmbedding ? DisclosureChapters.EmbeddingDimension : 0, smote);
        var directory = context.ModelDirectory(key, seed);
        var artifact = TabularMlpClassModel.Save(directory, description, mlp.Weights(), classifier.Normalisation,
            new TrainingDataInfo(context.DataHash, context.Options.Source, dataset.Train.Count),
            new Dictionary<string, double>(StringComparer.Ordinal) { ["epochs_run"] = mlp.Epochs.Ran, ["best_epoch"] = mlp.Epochs.Best, ["training_rows"] = train.Length },
            seed, context.Options.CodeVersion);
        var served = TabularMlpClassModel.FromArtifact(artifact);
        return new DefaultModelRun(dataset.Test.Select(served.Probabilities).ToArray(), directory);
    }

    private static DefaultModelRun GanCnn(DefaultModelContext context, int seed, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var (train, validation, test) = context.Batches;
        using var model = GanCnnClassifier.Fit(train, validation, context.Options.GanCnn, seed, progress, cancellationToken);
        return new DefaultModelRun(Rows(model.PredictProbabilities(test)), null);
    }

    /// <summary>Trains one EMDLOT variant (SMOTE on the training sequences, as the study) and scores the test split with
    /// the served C# forward pass, so the study measures the model desks get.</summary>
    public static DefaultModelRun EmdlotRun(DefaultModelContext context, string key, EmdlotTrainingOptions options, int seed,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var directory = context.ModelDirectory(key, seed);
        var data = new DefaultTrainingData(context.Dataset.Features, DefaultDataset.Chapters, context.DataHash, context.Options.Source,
            string.Create(CultureInfo.InvariantCulture, $"default-{key}@{context.DataHash[..8]}-s{seed}"), context.Options.CodeVersion);
        var trained = DefaultTrainer.Train(context.Dataset.Train, context.Dataset.Validation, data, options with { Threads = context.Options.Threads }, seed,
            directory, progress, Oversample, cancellationToken);
        var model = DefaultClassModel.FromArtifact(trained.Artifact);
        return new DefaultModelRun(Rows(model.ScoreBatch(context.Dataset.Test)), directory);
    }

    /// <summary>SMOTE over the flattened training sequences (the trainer's oversampler).</summary>
    public static (IReadOnlyList<double[]> Rows, int[] Labels) Oversample(IReadOnlyList<double[]> rows, int[] labels, int seed)
    {
        var balanced = Smote.Balance(rows, labels, seed);
        return (balanced.Features, balanced.Labels);
    }

    /// <summary>Rows of three probabilities from a flat [n × 3] array, renormalised in double precision.</summary>
    public static double[][] Rows(IReadOnlyList<float> flat) => Rows(flat.Select(v => (double)v).ToArray());

    public static double[][] Rows(IReadOnlyList<double> flat)
    {
        var rows = new double[flat.Count / 3][];
        for (var i = 0; i < rows.Length; i++)
        {
            double a = Math.Max(flat[3 * i], 0), b = Math.Max(flat[3 * i + 1], 0), c = Math.Max(flat[3 * i + 2], 0);
            var sum = a + b + c;
            rows[i] = [a / sum, b / sum, c / sum];
        }
        return rows;
    }

    /// <summary>Mean feature attention per quarter before the origin, per cluster (hard assignment), on the test split.</summary>
    public static EmdlotInsight Insight(string artifactDirectory, IReadOnlyList<DefaultExample> test)
    {
        var model = DefaultClassModel.Load(artifactDirectory);
        var shape = model.Network.Shape;
        var steps = model.Steps;
        var k = shape.Clusters;
        var f = shape.Features;
        var sums = Enumerable.Range(0, k).Select(_ => new double[f, steps]).ToArray();
        var counts = new int[k, steps];
        var classes = new int[k, 3];
        double numbers = 0, text = 0;
        long realSteps = 0;
        var batch = DefaultTensors.Build(test, model.Normalisation, steps, shape.UseText);
        Span<float> p = stackalloc float[EmdlotShape.Classes];
        for (var i = 0; i < test.Count; i++)
        {
            var trace = model.Network.NewTrace(steps);
            model.Network.Forward(batch, i, p, trace);
            var cluster = 0;
            for (var j = 1; j < k; j++) if (trace.Assignment[j] > trace.Assignment[cluster]) cluster = j;
            classes[cluster, (int)test[i].Label]++;
            var real = Math.Min(test[i].Quarters.Count, steps);
            for (var t = 0; t < real; t++)
            {
                var column = steps - real + t; // newest quarter in the last column
                counts[cluster, column]++;
                for (var q = 0; q < f; q++) sums[cluster][q, column] += trace.FeatureWeights[t * f + q];
                numbers += trace.ModalityWeights[t * 2];
                text += trace.ModalityWeights[t * 2 + 1];
                realSteps++;
            }
        }
        for (var c = 0; c < k; c++)
            for (var q = 0; q < f; q++)
                for (var t = 0; t < steps; t++)
                    sums[c][q, t] = counts[c, t] == 0 ? 0 : sums[c][q, t] / counts[c, t];
        return new EmdlotInsight(model.Features, sums, classes, realSteps == 0 ? 1 : numbers / realSteps, realSteps == 0 ? 0 : text / realSteps);
    }
}
