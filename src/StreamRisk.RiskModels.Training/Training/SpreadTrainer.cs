using System.Globalization;
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
        var trainData = Materialise(dataset, train, normalisation, targetMean, targetScale);
        var valData = Materialise(dataset, validation, normalisation, targetMean, targetScale);

        // The generator is process-wide: two trainings started at once in one process would not be reproducible.
        torch.manual_seed(seed);
        using var model = new ITransformerModule(shape, visible);
        var dataHash = dataset.Sha256();
        var key = string.Create(CultureInfo.InvariantCulture,
            $"{dataHash}|{options}|{seed}|{string.Join(',', visible)}|{train.Count}");
        var state = SpreadNetworkLoop.Fit(model, trainData, valData, seed, options, Path.Combine(artifactDirectory, "checkpoint"), key, progress, cancellationToken);
        var l = dataset.Window;
        var h = dataset.Horizons.Count;
        var valY = valData.Y;

        var best = TorchWeights.Export(model);

        // Interval: quantiles of validation residuals of ln(S[t+h] / S[t]), per horizon.
        var predicted = SpreadNetworkLoop.Predict(model, valData);
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
        return new TrainedSpreadModel(artifact, state.EpochsDone, state.BestEpoch, state.BestLoss, state.Resumed);
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
        var predicted = SpreadNetworkLoop.Predict(module, Materialise(dataset, examples, m.Normalisation, m.Outputs.Mean, m.Outputs.Scale));
        return ToBps(dataset, examples, predicted, m.Outputs.Mean, m.Outputs.Scale);
    }

    /// <summary>Normalised network outputs [count, horizons] as spread forecasts in bps, one array per horizon.</summary>
    internal static double[][] ToBps(SpreadDataset dataset, IReadOnlyList<SpreadExample> examples, float[] predicted, double[] targetMean, double[] targetScale)
    {
        var h = targetMean.Length;
        var result = Enumerable.Range(0, h).Select(_ => new double[examples.Count]).ToArray();
        for (var i = 0; i < examples.Count; i++)
        {
            var now = dataset.OriginSpread(examples[i]);
            for (var k = 0; k < h; k++) result[k][i] = now * Math.Exp(predicted[(long)i * h + k] * targetScale[k] + targetMean[k]);
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

    internal static IReadOnlyList<SpreadExample> Sample(IReadOnlyList<SpreadExample> examples, int max, long seed)
    {
        if (examples.Count <= max) return examples;
        var copy = examples.ToArray();
        new Random(unchecked((int)seed)).Shuffle(copy);
        return copy.Take(max).ToArray();
    }

    internal static NetworkData Materialise(SpreadDataset dataset, IReadOnlyList<SpreadExample> examples, FeatureNormalisation normalisation,
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
        return new NetworkData(x, y, examples.Count, l, n, h);
    }
}
