using System.Globalization;
using StreamRisk.RiskModels.Data;
using StreamRisk.RiskModels.Training.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamRisk.RiskModels.Training.Training;

/// <summary>The spread networks compared offline with the served iTransformer.</summary>
public enum SpreadNetworkKind
{
    /// <summary>Window → one LSTM layer → linear head (<see cref="LstmForecasterModule"/>).</summary>
    Lstm,
    /// <summary>Small MLP head on the own inputs and the live composite (0.7 firm + 0.3 industry).</summary>
    FixedComposite,
    /// <summary>The same head on MulFSA's AttnMLP composite of firm and industry scores, trained jointly.</summary>
    AttnMlp,
}

/// <summary>A network's forecasts for the asked examples (bps, one array per horizon) and how its training went.</summary>
public sealed record SpreadNetworkRun(double[][] ForecastBps, int EpochsRun, int BestEpoch, double BestValidationLoss, bool Resumed);

/// <summary>
/// Trains an LSTM or AttnMLP spread forecaster with the iTransformer's loop (<see cref="SpreadNetworkLoop"/>: same
/// normalisation, targets, sampling, early stopping and resumable checkpoints under <c>directory/checkpoint</c>) and
/// forecasts the given examples. These are offline comparisons: no artifact is written and none is served.
/// </summary>
public static class SpreadNetworkTrainer
{
    public static SpreadNetworkRun TrainAndForecast(
        SpreadNetworkKind kind, SpreadDataset dataset, IReadOnlySet<string> hiddenFeatures, long seed, SpreadTrainingOptions options,
        string directory, IReadOnlyList<SpreadExample> examples, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        torch.set_num_threads(options.Threads);
        var features = SpreadFeatures.All;
        var normalisation = FeatureStatistics.Fit(dataset, dataset.Train, Enumerable.Range(0, features.Count).ToArray());
        var (targetMean, targetScale) = FeatureStatistics.FitTargets(dataset, dataset.Train);
        var train = SpreadTrainer.Sample(dataset.Train, options.MaxTrainExamples, seed);
        var validation = SpreadTrainer.Sample(dataset.Validation, options.MaxValidationExamples, seed + 7);
        var trainData = SpreadTrainer.Materialise(dataset, train, normalisation, targetMean, targetScale);
        var valData = SpreadTrainer.Materialise(dataset, validation, normalisation, targetMean, targetScale);

        // The generator is process-wide: two trainings started at once in one process would not be reproducible.
        torch.manual_seed(seed);
        using var model = Build(kind, dataset, hiddenFeatures, options);
        var key = string.Create(CultureInfo.InvariantCulture,
            $"{kind}|{dataset.Sha256()}|{options}|{seed}|{string.Join(',', hiddenFeatures.Order(StringComparer.Ordinal))}|{train.Count}");
        var outcome = SpreadNetworkLoop.Fit(model, trainData, valData, seed, options, Path.Combine(directory, "checkpoint"), key, progress, cancellationToken);
        var predicted = SpreadNetworkLoop.Predict(model, SpreadTrainer.Materialise(dataset, examples, normalisation, targetMean, targetScale));
        return new SpreadNetworkRun(SpreadTrainer.ToBps(dataset, examples, predicted, targetMean, targetScale),
            outcome.EpochsDone, outcome.BestEpoch, outcome.BestLoss, outcome.Resumed);
    }

    /// <summary>The untrained network of a kind over <see cref="SpreadFeatures.All"/>; the LSTM leaves the hidden features out.</summary>
    public static nn.Module<Tensor, Tensor> Build(SpreadNetworkKind kind, SpreadDataset dataset, IReadOnlySet<string> hiddenFeatures, SpreadTrainingOptions options)
    {
        var features = SpreadFeatures.All;
        var h = dataset.Horizons.Count;
        if (kind == SpreadNetworkKind.Lstm)
        {
            var columns = Enumerable.Range(0, features.Count).Where(i => !hiddenFeatures.Contains(features[i])).ToArray();
            return new LstmForecasterModule(features.Count, columns, options.DModel, h);
        }
        var aggregation = new AttnMlpColumns(
            SpreadFeatures.WithoutSentiment.Select(SpreadFeatures.IndexOf).ToArray(),
            SpreadFeatures.IndexOf(SpreadFeatures.FirmScore), SpreadFeatures.IndexOf(SpreadFeatures.MesoScore), SpreadFeatures.IndexOf(SpreadFeatures.Composite));
        return new AttnMlpModule(dataset.Window, features.Count, aggregation, kind == SpreadNetworkKind.AttnMlp, options.DModel, options.DModel, h);
    }
}
