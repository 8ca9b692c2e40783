using System.Globalization;
using System.Text.Json;
using StreamRisk.Core.Serialization;
using StreamRisk.RiskModels.Artifacts;
using StreamRisk.RiskModels.Data;
using StreamRisk.RiskModels.Forecasting;
using StreamRisk.RiskModels.Networks;
using StreamRisk.RiskModels.Training.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamRisk.RiskModels.Training.Training;

/// <summary>A trained spread forecaster: its artifact (served by the C# forward pass) and how training went.</summary>
public sealed record TrainedSpreadModel(ModelArtifact Artifact, int EpochsRun, int BestEpoch, double BestValidationLoss, bool Resumed);

/// <summary>
/// Trains the iTransformer on a <see cref="SpreadDataset"/>: MSE on normalised log spread changes, Adam, early stopping
/// on the validation part, one checkpoint per epoch (resumable: a run started again with the same data, options and seed
/// continues after the last finished epoch, with Adam's state), and export to an artifact whose interval comes
/// from the residual quantiles of validation forecasts. The test part is never read here.
/// </summary>
public static class SpreadTrainer
{
    private const string CheckpointState = "checkpoint.json";
    private const string CheckpointWeights = "checkpoint.safetensors";
    private const string BestWeights = "best.safetensors";
    private const string OptimizerState = "optimizer.bin";
    private static readonly JsonSerializerOptions StateJson = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static TrainedSpreadModel Train(
        SpreadDataset dataset, IReadOnlySet<string> hiddenFeatures, long seed, SpreadTrainingOptions options, string artifactDirectory,
        string modelVersion, string codeVersion, string source, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        torch.set_num_threads(options.Threads);
        var features = SpreadFeatures.All;
        var columns = Enumerable.Range(0, features.Count).ToArray();
        var visible = features.Select(f => !hiddenFeatures.Contains(f)).ToArray();
        var normalisation = FeatureStatistics.Fit(dataset, dataset.Train, columns);
        var (targetMean, targetScale) = FeatureStatistics.FitTargets(dataset, dataset.Train);
        var shape = new ITransformerShape(dataset.Window, features.Count, options.DModel, options.Heads, options.Layers, options.FeedForward, dataset.Horizons.Count);

        var train = Sample(dataset.Train, options.MaxTrainExamples, seed);
        var validation = Sample(dataset.Validation, options.MaxValidationExamples, seed + 7);
        var (trainX, trainY) = Materialise(dataset, train, normalisation, targetMean, targetScale);
        var (valX, valY) = Materialise(dataset, validation, normalisation, targetMean, targetScale);

        // The generator is process-wide: two trainings started at once in one process would not be reproducible.
        torch.manual_seed(seed);
        using var model = new ITransformerModule(shape, visible);
        using var optimizer = optim.Adam(model.parameters(), options.LearningRate);
        var dataHash = dataset.Sha256();
        var key = string.Create(CultureInfo.InvariantCulture,
            $"{dataHash}|{options}|{seed}|{string.Join(',', visible)}|{train.Count}");
        var checkpointDirectory = Path.Combine(artifactDirectory, "checkpoint");
        Directory.CreateDirectory(checkpointDirectory);

        var state = ReadState(checkpointDirectory, key);
        var resumed = state is not null;
        state ??= new CheckpointStateRecord(key, 0, 0, double.PositiveInfinity, 0);
        if (resumed)
        {
            TorchWeights.Import(model, Safetensors.Parse(File.ReadAllBytes(Path.Combine(checkpointDirectory, CheckpointWeights)), CheckpointWeights));
            optimizer.load_state_dict(Path.Combine(checkpointDirectory, OptimizerState));
        }

        var batches = (train.Count + options.BatchSize - 1) / options.BatchSize;
        var total = (long)options.Epochs * batches;
        var n = features.Count;
        var h = dataset.Horizons.Count;
        var l = dataset.Window;
        for (var epoch = state.EpochsDone + 1; epoch <= options.Epochs && state.BadEpochs < options.Patience; epoch++)
        {
            model.train();
            // One permutation per epoch from (seed, epoch): a resumed run shuffles as the uninterrupted one would have.
            var order = Enumerable.Range(0, train.Count).ToArray();
            new Random(unchecked((int)(seed * 7919 + epoch))).Shuffle(order);
            var xBatch = new float[options.BatchSize * l * n];
            var yBatch = new float[options.BatchSize * h];
            for (var b = 0; b < batches; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var from = b * options.BatchSize;
                var size = Math.Min(options.BatchSize, train.Count - from);
                for (var i = 0; i < size; i++)
                {
                    Array.Copy(trainX, (long)order[from + i] * l * n, xBatch, (long)i * l * n, l * n);
                    Array.Copy(trainY, (long)order[from + i] * h, yBatch, (long)i * h, h);
                }
                using var scope = NewDisposeScope();
                var x = OwnedTensor.Of(xBatch.AsSpan(0, size * l * n).ToArray(), size, l, n);
                var y = OwnedTensor.Of(yBatch.AsSpan(0, size * h).ToArray(), size, h);
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(x), y);
                loss.backward();
                optimizer.step();
                progress?.Report(new TrainingProgress((epoch - 1L) * batches + b + 1, total, $"epoch {epoch}"));
            }

            var validationLoss = Loss(model, valX, valY, validation.Count, l, n, h);
            var improved = validationLoss < state.BestLoss;
            var weights = TorchWeights.Export(model);
            File.WriteAllBytes(Path.Combine(checkpointDirectory, CheckpointWeights), Safetensors.Serialize(weights));
            optimizer.save_state_dict(Path.Combine(checkpointDirectory, OptimizerState));
            if (improved) File.WriteAllBytes(Path.Combine(checkpointDirectory, BestWeights), Safetensors.Serialize(weights));
            state = new CheckpointStateRecord(key, epoch, improved ? epoch : state.BestEpoch, improved ? validationLoss : state.BestLoss,
                improved ? 0 : state.BadEpochs + 1);
            File.WriteAllText(Path.Combine(checkpointDirectory, CheckpointState), JsonSerializer.Serialize(state, StateJson));
        }

        TorchWeights.Import(model, Safetensors.Parse(File.ReadAllBytes(Path.Combine(checkpointDirectory, BestWeights)), BestWeights));
        var best = TorchWeights.Export(model);

        // Interval: quantiles of validation residuals of ln(S[t+h] / S[t]), per horizon.
        var predicted = Predict(model, valX, validation.Count, l, n, h);
        var q05 = new double[h];
        var q95 = new double[h];
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal) { ["validation_mse_normalised"] = state.BestLoss };
        for (var k = 0; k < h; k++)
        {
            var residuals = new double[validation.Count];
            double absBps = 0;
            for (var i = 0; i < validation.Count; i++)
            {
                var actual = valY[(long)i * h + k] * targetScale[k] + targetMean[k];
                var forecast = predicted[(long)i * h + k] * targetScale[k] + targetMean[k];
                residuals[i] = actual - forecast;
                var now = dataset.OriginSpread(validation[i]);
                absBps += Math.Abs(now * Math.Exp(forecast) - now * Math.Exp(actual));
            }
            Array.Sort(residuals);
            q05[k] = Quantile(residuals, 0.05);
            q95[k] = Quantile(residuals, 0.95);
            metrics[string.Create(CultureInfo.InvariantCulture, $"validation_mae_bps_h{dataset.Horizons[k]}")] = absBps / Math.Max(validation.Count, 1);
        }

        var manifest = new ModelManifest(
            ModelManifest.CurrentFormatVersion, SpreadForecastModel.Kind, modelVersion, features, normalisation,
            new OutputScaling(dataset.Horizons.Select(x => $"log_spread_change_h{x}").ToList(), targetMean, targetScale),
            new TrainingDataInfo(dataHash, source, train.Count), metrics, seed, codeVersion, [],
            new Dictionary<string, double>
            {
                ["window"] = l, ["d_model"] = options.DModel, ["heads"] = options.Heads, ["layers"] = options.Layers,
                ["feed_forward"] = options.FeedForward, ["epochs_run"] = state.EpochsDone, ["best_epoch"] = state.BestEpoch,
                ["learning_rate"] = options.LearningRate, ["batch_size"] = options.BatchSize,
            },
            new Dictionary<string, double[]>
            {
                ["horizons"] = dataset.Horizons.Select(x => (double)x).ToArray(),
                ["visible"] = visible.Select(v => v ? 1.0 : 0.0).ToArray(),
                ["residual_q05"] = q05,
                ["residual_q95"] = q95,
            });
        var artifact = ModelArtifact.Save(artifactDirectory, manifest, best);
        return new TrainedSpreadModel(artifact, state.EpochsDone, state.BestEpoch, state.BestLoss, resumed);
    }

    /// <summary>Forecasts in bps (one array per horizon) of a trained artifact's network run in TorchSharp, in batches.</summary>
    public static double[][] ForecastBps(ModelArtifact artifact, SpreadDataset dataset, IReadOnlyList<SpreadExample> examples)
    {
        var m = artifact.Manifest;
        var model = SpreadForecastModel.FromArtifact(artifact);
        var shape = new ITransformerShape(model.Window, m.Features.Count, artifact.IntHyperparameter("d_model"), artifact.IntHyperparameter("heads"),
            artifact.IntHyperparameter("layers"), artifact.IntHyperparameter("feed_forward"), m.Outputs.Names.Count);
        using var module = new ITransformerModule(shape, m.Extras["visible"].Select(v => v != 0).ToArray());
        TorchWeights.Import(module, artifact.Tensors);
        var (x, _) = Materialise(dataset, examples, m.Normalisation, m.Outputs.Mean, m.Outputs.Scale);
        var h = shape.Outputs;
        var predicted = Predict(module, x, examples.Count, shape.Window, shape.Variates, h);
        var result = Enumerable.Range(0, h).Select(_ => new double[examples.Count]).ToArray();
        for (var i = 0; i < examples.Count; i++)
        {
            var now = dataset.OriginSpread(examples[i]);
            for (var k = 0; k < h; k++) result[k][i] = now * Math.Exp(predicted[(long)i * h + k] * m.Outputs.Scale[k] + m.Outputs.Mean[k]);
        }
        return result;
    }

    private static double Quantile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return 0;
        var position = p * (sorted.Length - 1);
        var lo = (int)Math.Floor(position);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
    }

    private static IReadOnlyList<SpreadExample> Sample(IReadOnlyList<SpreadExample> examples, int max, long seed)
    {
        if (examples.Count <= max) return examples;
        var copy = examples.ToArray();
        new Random(unchecked((int)seed)).Shuffle(copy);
        return copy.Take(max).ToArray();
    }

    internal static (float[] X, float[] Y) Materialise(SpreadDataset dataset, IReadOnlyList<SpreadExample> examples, FeatureNormalisation normalisation,
        double[] targetMean, double[] targetScale)
    {
        var n = SpreadFeatures.All.Count;
        var l = dataset.Window;
        var h = dataset.Horizons.Count;
        var columns = Enumerable.Range(0, n).ToArray();
        var x = new float[(long)examples.Count * l * n];
        var y = new float[(long)examples.Count * h];
        var window = new double[l * n];
        var target = new double[h];
        for (var i = 0; i < examples.Count; i++)
        {
            dataset.WindowValues(examples[i], columns, window);
            for (var j = 0; j < window.Length; j++) x[(long)i * l * n + j] = (float)((window[j] - normalisation.Mean[j % n]) / normalisation.Scale[j % n]);
            dataset.Targets(examples[i], target);
            for (var k = 0; k < h; k++) y[(long)i * h + k] = (float)((target[k] - targetMean[k]) / targetScale[k]);
        }
        return (x, y);
    }

    private static float[] Predict(ITransformerModule model, float[] x, int count, int l, int n, int h)
    {
        model.eval();
        using var _ = no_grad();
        var result = new float[(long)count * h];
        const int chunk = 4096;
        for (var from = 0; from < count; from += chunk)
        {
            var size = Math.Min(chunk, count - from);
            using var scope = NewDisposeScope();
            var input = OwnedTensor.Of(x.AsSpan(from * l * n, size * l * n).ToArray(), size, l, n);
            model.forward(input).data<float>().ToArray().CopyTo(result, (long)from * h);
        }
        return result;
    }

    private static double Loss(ITransformerModule model, float[] x, float[] y, int count, int l, int n, int h)
    {
        if (count == 0) return double.PositiveInfinity;
        var predicted = Predict(model, x, count, l, n, h);
        double sum = 0;
        for (var i = 0; i < predicted.Length; i++) sum += (predicted[i] - y[i]) * (double)(predicted[i] - y[i]);
        return sum / predicted.Length;
    }

    private static CheckpointStateRecord? ReadState(string directory, string key)
    {
        var path = Path.Combine(directory, CheckpointState);
        if (!File.Exists(path) || !File.Exists(Path.Combine(directory, CheckpointWeights)) || !File.Exists(Path.Combine(directory, BestWeights))
            || !File.Exists(Path.Combine(directory, OptimizerState))) return null;
        try
        {
            var state = JsonSerializer.Deserialize<CheckpointStateRecord>(File.ReadAllText(path), StateJson);
            // A checkpoint of other data, options or seed is not resumed: training starts over and replaces it.
            return state is not null && state.Key == key ? state : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record CheckpointStateRecord(string Key, int EpochsDone, int BestEpoch, double BestLoss, int BadEpochs);
}
