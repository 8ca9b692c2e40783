using System.Globalization;
using System.Text.Json;
using StreamRisk.Core.Serialization;
using StreamRisk.RiskModels.Artifacts;
using StreamRisk.RiskModels.Default;
using StreamRisk.RiskModels.Networks;
using StreamRisk.RiskModels.Training.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamRisk.RiskModels.Training.Training;

/// <summary>
/// Oversamples flat training rows to balanced classes (SMOTE 1:1:1 in the CLI). Contract: returns the given rows first,
/// unchanged and in order, then the synthetic rows, with a label for each; deterministic for <c>seed</c>.
/// </summary>
public delegate (IReadOnlyList<double[]> Rows, int[] Labels) SequenceOversampler(IReadOnlyList<double[]> rows, int[] labels, int seed);

/// <summary>Names and provenance of a default-class training set, written into the artifact.</summary>
/// <param name="Features">Financial then macro indicator names, in the examples' order.</param>
/// <param name="Chapters">Disclosure chapter names, in the examples' order.</param>
/// <param name="DataHash">SHA-256 (or another stable hash) of the training data, from the dataset builder.</param>
public sealed record DefaultTrainingData(
    IReadOnlyList<string> Features, IReadOnlyList<string> Chapters, string DataHash, string Source, string ModelVersion, string CodeVersion);

/// <summary>A trained EMDLOT: its artifact (served by the C# forward pass) and how training went.</summary>
public sealed record TrainedDefaultModel(
    ModelArtifact Artifact, int EpochsRun, int BestEpoch, double BestValidationMacroF1, double BestValidationLoss, bool Resumed, int TrainingRows);

/// <summary>
/// Trains EMDLOT on default examples. Class balance: class-weighted cross-entropy by default, or an oversampler on the
/// training rows only (then weights are 1). Phases: <see cref="EmdlotTrainingOptions.PretrainEpochs"/> with uniform
/// cluster weights (CE only); K-means on the training representations places the centroids; warm-up epochs add CE on
/// the K-means labels; then CE + λ_dist·usage balance + λ_sep·separation. Early stopping and the exported weights watch
/// the validation split (macro-F1 of the arg-max class by default: the study's headline metric and what the desks use;
/// ties go to the lower class-weighted validation loss), from the first epoch after the warm-up. One checkpoint per
/// epoch: a run started again with the same data, options and seed continues after the last finished epoch, with
/// Adam's state and the K-means labels, and ends where an uninterrupted run ends. No dropout, fixed seeds.
/// </summary>
public static class DefaultTrainer
{
    private const string CheckpointState = "checkpoint.json";
    private const string CheckpointWeights = "checkpoint.safetensors";
    private const string BestWeights = "best.safetensors";
    private const string OptimizerState = "optimizer.bin";
    private static readonly JsonSerializerOptions StateJson = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static TrainedDefaultModel Train(
        IReadOnlyList<DefaultExample> train, IReadOnlyList<DefaultExample> validation, DefaultTrainingData data, EmdlotTrainingOptions options,
        long seed, string artifactDirectory, IProgress<TrainingProgress>? progress = null, SequenceOversampler? oversample = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(data);
        options.Validate();
        if (train.Count == 0) throw new ArgumentException("no training examples", nameof(train));
        if (validation.Count == 0) throw new ArgumentException("no validation examples: early stopping needs some", nameof(validation));
        torch.set_num_threads(options.Threads);

        var normalisation = DefaultTensors.Fit(train);
        if (data.Features.Count != normalisation.Features)
            throw new ArgumentException($"{data.Features.Count} feature names for {normalisation.Features} indicators per quarter");
        if (data.Chapters.Count != normalisation.Chapters)
            throw new ArgumentException($"{data.Chapters.Count} chapter names for {normalisation.Chapters} chapters per quarter");
        var shape = options.Shape(normalisation.Features, normalisation.Chapters, normalisation.EmbeddingDimension);
        var rows = TrainingRows.Create(train, normalisation, options.Steps, oversample, seed);
        var classWeights = oversample is null && options.ClassWeighted ? ClassWeights(rows.Labels) : [1f, 1f, 1f];

        torch.manual_seed(seed);
        using var model = new EmdlotModule(shape);
        using var optimizer = optim.Adam(model.parameters(), options.LearningRate);
        var key = string.Create(CultureInfo.InvariantCulture,
            $"{data.DataHash}|{options}|{seed}|{train.Count}|{validation.Count}|{rows.Count}|{oversample is not null}");
        var checkpointDirectory = Path.Combine(artifactDirectory, "checkpoint");
        Directory.CreateDirectory(checkpointDirectory);
        var state = ReadState(checkpointDirectory, key);
        var resumed = state is not null;
        state ??= new CheckpointStateRecord(key, 0, 0, double.NegativeInfinity, double.PositiveInfinity, 0, null);
        if (resumed)
        {
            TorchWeights.Import(model, Safetensors.Parse(File.ReadAllBytes(Path.Combine(checkpointDirectory, CheckpointWeights)), CheckpointWeights));
            optimizer.load_state_dict(Path.Combine(checkpointDirectory, OptimizerState));
        }

        var pretrain = options.Clustered ? options.PretrainEpochs : 0;
        var warmup = options.Clustered ? options.WarmupEpochs : 0;
        var batches = (rows.Count + options.BatchSize - 1) / options.BatchSize;
        var total = (long)options.Epochs * batches;
        using var weights = tensor(classWeights);
        var batchBuffer = rows.NewBatch(options.BatchSize, shape.UseText);
        for (var epoch = state.EpochsDone + 1; epoch <= options.Epochs && state.BadEpochs < options.Patience; epoch++)
        {
            var clusterLabels = state.ClusterLabels;
            if (options.Clustered && epoch > pretrain && clusterLabels is null)
            {
                clusterLabels = PlaceCentroids(model, rows, options.BatchSize, shape.UseText, seed);
            }
            var phase = epoch <= pretrain ? "pre-training" : epoch <= pretrain + warmup ? "cluster warm-up" : "training";
            model.train();
            // One permutation per epoch from (seed, epoch): a resumed run shuffles as the uninterrupted one would have.
            var order = Enumerable.Range(0, rows.Count).ToArray();
            new Random(unchecked((int)(seed * 7919 + epoch))).Shuffle(order);
            for (var b = 0; b < batches; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var indices = order.AsSpan(b * options.BatchSize, Math.Min(options.BatchSize, rows.Count - b * options.BatchSize)).ToArray();
                using var scope = NewDisposeScope();
                var batch = rows.Fill(batchBuffer, indices, shape.UseText);
                var (values, elapsed, stepMask, text, chapterMask) = Inputs(batch, indices.Length, shape.UseText);
                using var labels = tensor(indices.Select(i => (long)rows.Labels[i]).ToArray());
                optimizer.zero_grad();
                var outputs = model.Run(values, elapsed, stepMask, text, chapterMask, uniformAssignment: epoch <= pretrain && options.Clustered);
                var loss = EmdlotLoss.ClassLoss(outputs.Probabilities, labels, weights);
                if (options.Clustered && epoch > pretrain)
                {
                    if (epoch <= pretrain + warmup)
                    {
                        using var clusters = tensor(indices.Select(i => (long)clusterLabels![i]).ToArray());
                        loss = loss.add(EmdlotLoss.ClusterWarmup(outputs.Assignment, clusters));
                    }
                    else
                    {
                        loss = loss.add(EmdlotLoss.UsageBalance(outputs.Assignment).mul(options.LambdaDist))
                            .add(EmdlotLoss.Separation(model.Centroids).mul(options.LambdaSep));
                    }
                }
                loss.backward();
                optimizer.step();
                progress?.Report(new TrainingProgress((epoch - 1L) * batches + b + 1, total, $"{phase} epoch {epoch}"));
            }

            var checkpoint = TorchWeights.Export(model);
            File.WriteAllBytes(Path.Combine(checkpointDirectory, CheckpointWeights), Safetensors.Serialize(checkpoint));
            optimizer.save_state_dict(Path.Combine(checkpointDirectory, OptimizerState));
            if (epoch > pretrain + warmup)
            {
                var probabilities = Predict(model, validation, normalisation, options.Steps, shape.UseText);
                var (f1, loss) = (MacroF1(probabilities, validation), WeightedLoss(probabilities, validation, classWeights));
                var improved = f1 > state.BestF1 || (f1 == state.BestF1 && loss < state.BestLoss);
                if (options.StopOn == EmdlotStopCriterion.Loss) improved = loss < state.BestLoss;
                if (improved) File.WriteAllBytes(Path.Combine(checkpointDirectory, BestWeights), Safetensors.Serialize(checkpoint));
                state = new CheckpointStateRecord(key, epoch, improved ? epoch : state.BestEpoch, improved ? f1 : state.BestF1,
                    improved ? loss : state.BestLoss, improved ? 0 : state.BadEpochs + 1, clusterLabels);
            }
            else
            {
                state = state with { EpochsDone = epoch, ClusterLabels = clusterLabels };
            }
            File.WriteAllText(Path.Combine(checkpointDirectory, CheckpointState), JsonSerializer.Serialize(state, StateJson));
        }

        TorchWeights.Import(model, Safetensors.Parse(File.ReadAllBytes(Path.Combine(checkpointDirectory, BestWeights)), BestWeights));
        var best = TorchWeights.Export(model);
        var hyperparameters = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["steps"] = options.Steps, ["financial_features"] = train.SelectMany(e => e.Quarters).First().Financial.Length, ["chapters"] = shape.Chapters, ["embedding_dimension"] = shape.EmbeddingDimension,
            ["modality_dimension"] = shape.ModalityDimension, ["hidden"] = shape.Hidden, ["clusters"] = shape.Clusters,
            ["use_text"] = shape.UseText ? 1 : 0, ["use_attention"] = shape.UseAttention ? 1 : 0, ["time_aware"] = shape.TimeAware ? 1 : 0,
            ["feature_temperature"] = shape.FeatureTemperature, ["chapter_temperature"] = shape.ChapterTemperature,
            ["modality_temperature"] = shape.ModalityTemperature, ["clip_sd"] = normalisation.ClipSd,
            ["lambda_dist"] = options.LambdaDist, ["lambda_sep"] = options.LambdaSep, ["learning_rate"] = options.LearningRate,
            ["batch_size"] = options.BatchSize, ["pretrain_epochs"] = pretrain, ["warmup_epochs"] = warmup,
            ["epochs_run"] = state.EpochsDone, ["best_epoch"] = state.BestEpoch, ["oversampled"] = oversample is null ? 0 : 1,
        };
        var extras = new Dictionary<string, double[]>(StringComparer.Ordinal) { ["class_weights"] = classWeights.Select(w => (double)w).ToArray() };
        for (var c = 0; c < data.Chapters.Count; c++) extras[DefaultClassModel.ChapterExtraPrefix + data.Chapters[c]] = [c];
        var manifest = new ModelManifest(
            ModelManifest.CurrentFormatVersion, DefaultClassModel.Kind, data.ModelVersion, data.Features,
            new FeatureNormalisation(normalisation.Mean, normalisation.Scale),
            new OutputScaling(DefaultClassModel.Outputs, [0, 0, 0], [1, 1, 1]),
            new TrainingDataInfo(data.DataHash, data.Source, train.Count),
            new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["validation_macro_f1"] = state.BestF1, ["validation_loss"] = state.BestLoss, ["validation_examples"] = validation.Count,
                ["training_rows"] = rows.Count,
            },
            seed, data.CodeVersion, [], hyperparameters, extras);
        var artifact = ModelArtifact.Save(artifactDirectory, manifest, best);
        return new TrainedDefaultModel(artifact, state.EpochsDone, state.BestEpoch, state.BestF1, state.BestLoss, resumed, rows.Count);
    }

    /// <summary>Probabilities [Count × 3] of an artifact's network run in TorchSharp (the reference the C# forward is tested against).</summary>
    public static float[] PredictWithTorch(ModelArtifact artifact, IReadOnlyList<DefaultExample> examples)
    {
        var served = DefaultClassModel.FromArtifact(artifact);
        using var module = new EmdlotModule(served.Network.Shape);
        TorchWeights.Import(module, artifact.Tensors);
        return Predict(module, examples, served.Normalisation, served.Steps, served.Network.Shape.UseText);
    }

    /// <summary>Input tensors of the first <paramref name="size"/> rows of a batch; text and chapter mask are null without text.</summary>
    public static (Tensor Values, Tensor Elapsed, Tensor StepMask, Tensor? Text, Tensor? ChapterMask) Inputs(DefaultBatch batch, int size, bool useText)
    {
        var (t, f, c, e) = (batch.Steps, batch.Features, batch.Chapters, batch.EmbeddingDimension);
        // A full buffer is copied once; only a last, partial batch is cut first.
        float[] Take(float[] source, long length) => source.LongLength == length ? source : source.AsSpan(0, (int)length).ToArray();
        Tensor Copy(float[] source, long[] shape) => OwnedTensor.Of(Take(source, shape.Aggregate(1L, (a, d) => a * d)), shape);
        var values = Copy(batch.Values, [size, t, f]);
        var elapsed = Copy(batch.Elapsed, [size, t]);
        var stepMask = Copy(batch.StepMask, [size, t]);
        if (!useText) return (values, elapsed, stepMask, null, null);
        var text = Copy(batch.Text, [size, t, c, e]);
        var chapterMask = Copy(batch.ChapterMask, [size, t, c]);
        return (values, elapsed, stepMask, text, chapterMask);
    }

    /// <summary>n / (3·n_class) per class (0 for a class with no example), so each class weighs the same in the loss.</summary>
    public static float[] ClassWeights(IReadOnlyList<int> labels)
    {
        var counts = new int[EmdlotShape.Classes];
        foreach (var l in labels) counts[l]++;
        return counts.Select(n => n == 0 ? 0f : (float)(labels.Count / (3.0 * n))).ToArray();
    }

    /// <summary>Macro-F1 of the arg-max class over the three classes (a class never predicted nor present counts 0).</summary>
    public static double MacroF1(float[] probabilities, IReadOnlyList<DefaultExample> examples)
    {
        var tp = new int[3];
        var fp = new int[3];
        var fn = new int[3];
        for (var i = 0; i < examples.Count; i++)
        {
            var p = probabilities.AsSpan(i * 3, 3);
            var predicted = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
            var actual = (int)examples[i].Label;
            if (predicted == actual) tp[actual]++;
            else
            {
                fp[predicted]++;
                fn[actual]++;
            }
        }
        double sum = 0;
        for (var c = 0; c < 3; c++) sum += tp[c] == 0 ? 0 : 2.0 * tp[c] / (2.0 * tp[c] + fp[c] + fn[c]);
        return sum / 3;
    }

    private static double WeightedLoss(float[] probabilities, IReadOnlyList<DefaultExample> examples, float[] classWeights)
    {
        double sum = 0, weight = 0;
        for (var i = 0; i < examples.Count; i++)
        {
            var y = (int)examples[i].Label;
            sum -= classWeights[y] * Math.Log(probabilities[i * 3 + y] + 1e-8);
            weight += classWeights[y];
        }
        return weight > 0 ? sum / weight : double.PositiveInfinity;
    }

    private static float[] Predict(EmdlotModule model, IReadOnlyList<DefaultExample> examples, DefaultNormalisation normalisation, int steps, bool useText)
    {
        model.eval();
        using var _ = no_grad();
        var result = new float[examples.Count * 3];
        const int chunk = 256;
        for (var from = 0; from < examples.Count; from += chunk)
        {
            var part = examples.Skip(from).Take(chunk).ToArray();
            using var scope = NewDisposeScope();
            var batch = DefaultTensors.Build(part, normalisation, steps, useText);
            var (values, elapsed, stepMask, text, chapterMask) = Inputs(batch, part.Length, useText);
            model.Run(values, elapsed, stepMask, text, chapterMask).Probabilities.data<float>().ToArray().CopyTo(result, from * 3);
        }
        return result;
    }

    /// <summary>K-means on the representations of every training row; sets the centroids and returns each row's cluster.</summary>
    private static int[] PlaceCentroids(EmdlotModule model, TrainingRows rows, int batchSize, bool useText, long seed)
    {
        model.eval();
        var h = model.Shape.Hidden;
        var representations = new float[rows.Count * h];
        var buffer = rows.NewBatch(batchSize, useText);
        using (no_grad())
        {
            for (var from = 0; from < rows.Count; from += batchSize)
            {
                var indices = Enumerable.Range(from, Math.Min(batchSize, rows.Count - from)).ToArray();
                using var scope = NewDisposeScope();
                var batch = rows.Fill(buffer, indices, useText);
                var (values, elapsed, stepMask, text, chapterMask) = Inputs(batch, indices.Length, useText);
                model.Run(values, elapsed, stepMask, text, chapterMask).Representation.data<float>().ToArray().CopyTo(representations, from * h);
            }
        }
        var k = Math.Min(model.Shape.Clusters, rows.Count);
        var result = KMeans.Fit(representations, h, k, unchecked((int)seed));
        using (no_grad())
        {
            using var centroids = tensor(result.Centroids).view(k, h);
            model.Centroids.narrow(0, 0, k).copy_(centroids);
        }
        return result.Labels;
    }

    private static CheckpointStateRecord? ReadState(string directory, string key)
    {
        var path = Path.Combine(directory, CheckpointState);
        if (!File.Exists(path) || !File.Exists(Path.Combine(directory, CheckpointWeights)) || !File.Exists(Path.Combine(directory, OptimizerState))) return null;
        try
        {
            var state = JsonSerializer.Deserialize<CheckpointStateRecord>(File.ReadAllText(path), StateJson);
            // A checkpoint of other data, options or seed is not resumed: training starts over and replaces it.
            if (state is null || state.Key != key) return null;
            return state.BestEpoch > 0 && !File.Exists(Path.Combine(directory, BestWeights)) ? null : state;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record CheckpointStateRecord(string Key, int EpochsDone, int BestEpoch, double BestF1, double BestLoss, int BadEpochs, int[]? ClusterLabels);
}
