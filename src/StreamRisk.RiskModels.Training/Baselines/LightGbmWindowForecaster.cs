using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using StreamRisk.RiskModels.Artifacts;
using StreamRisk.RiskModels.Baselines;
using StreamRisk.RiskModels.Data;

namespace StreamRisk.RiskModels.Training.Baselines;

/// <summary>How the LightGBM spread baseline grows its trees.</summary>
public sealed record LightGbmWindowOptions
{
    /// <summary>Most boosting rounds; fewer when the validation L2 has not improved for <see cref="EarlyStoppingRounds"/>.</summary>
    public int Trees { get; init; } = 300;
    public int EarlyStoppingRounds { get; init; } = 20;
    public int Leaves { get; init; } = 15;
    public double LearningRate { get; init; } = 0.05;
    public int MinimumRowsPerLeaf { get; init; } = 50;
    public int Seed { get; init; } = 1;
}

/// <summary>
/// LightGBM on lagged features: one ML.NET LightGBM regressor per horizon of ln(S[t+h] / S[t]) on the flattened,
/// normalised window of the chosen features (the same design as ARX, without the intercept). Trained on the train
/// part, boosting stopped early on the validation part; one thread and a fixed seed, so a refit gives the same trees.
/// </summary>
public sealed class LightGbmWindowForecaster : ISpreadForecaster
{
    private readonly int[] _columns;
    private readonly FeatureNormalisation _normalisation;
    private readonly PredictionEngine<WindowRow, Prediction>[] _engines;
    private readonly double[] _window;
    private readonly WindowRow _row;

    private LightGbmWindowForecaster(string name, int[] columns, FeatureNormalisation normalisation, PredictionEngine<WindowRow, Prediction>[] engines, int width)
    {
        Name = name;
        _columns = columns;
        _normalisation = normalisation;
        _engines = engines;
        _window = new double[width];
        _row = new WindowRow { Features = new float[width] };
    }

    public string Name { get; }

    public static LightGbmWindowForecaster Fit(string name, SpreadDataset dataset, IReadOnlyList<string> features, LightGbmWindowOptions? options = null)
    {
        options ??= new LightGbmWindowOptions();
        if (dataset.Train.Count == 0 || dataset.Validation.Count == 0) throw new ArgumentException("LightGBM needs train and validation examples");
        var columns = features.Select(SpreadFeatures.IndexOf).ToArray();
        var normalisation = FeatureStatistics.Fit(dataset, dataset.Train, columns);
        var width = dataset.Window * columns.Length;
        var context = new MLContext(options.Seed);
        var schema = SchemaDefinition.Create(typeof(LabelledRow));
        schema[nameof(LabelledRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        var predictionSchema = SchemaDefinition.Create(typeof(WindowRow));
        predictionSchema[nameof(WindowRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        var train = Rows(dataset, dataset.Train, columns, normalisation, width);
        var validation = Rows(dataset, dataset.Validation, columns, normalisation, width);
        var engines = new PredictionEngine<WindowRow, Prediction>[dataset.Horizons.Count];
        for (var k = 0; k < engines.Length; k++)
        {
            var horizon = k;
            IDataView View(List<(float[] X, double[] Y)> rows) =>
                context.Data.LoadFromEnumerable(rows.Select(r => new LabelledRow { Features = r.X, Label = (float)r.Y[horizon] }), schema);
            var trainer = context.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
            {
                NumberOfIterations = options.Trees,
                EarlyStoppingRound = options.EarlyStoppingRounds,
                NumberOfLeaves = options.Leaves,
                LearningRate = options.LearningRate,
                MinimumExampleCountPerLeaf = options.MinimumRowsPerLeaf,
                EvaluationMetric = LightGbmRegressionTrainer.Options.EvaluateMetricType.MeanSquaredError,
                Seed = options.Seed,
                NumberOfThreads = 1,
                Silent = true,
            });
            var model = trainer.Fit(View(train), View(validation));
            engines[k] = context.Model.CreatePredictionEngine<WindowRow, Prediction>(model, inputSchemaDefinition: predictionSchema);
        }
        return new LightGbmWindowForecaster(name, columns, normalisation, engines, width);
    }

    /// <summary>Not thread-safe: ML.NET's prediction engines and the row buffer are reused across calls.</summary>
    public void Predict(SpreadDataset dataset, SpreadExample example, Span<double> logChanges)
    {
        Design(dataset, example, _columns, _normalisation, _window, _row.Features);
        for (var k = 0; k < _engines.Length; k++) logChanges[k] = _engines[k].Predict(_row).Score;
    }

    private static List<(float[] X, double[] Y)> Rows(SpreadDataset dataset, IReadOnlyList<SpreadExample> examples, int[] columns, FeatureNormalisation normalisation, int width)
    {
        var window = new double[width];
        var rows = new List<(float[], double[])>(examples.Count);
        foreach (var e in examples)
        {
            var x = new float[width];
            Design(dataset, e, columns, normalisation, window, x);
            var y = new double[dataset.Horizons.Count];
            dataset.Targets(e, y);
            rows.Add((x, y));
        }
        return rows;
    }

    private static void Design(SpreadDataset dataset, SpreadExample e, int[] columns, FeatureNormalisation n, double[] window, float[] into)
    {
        dataset.WindowValues(e, columns, window);
        for (var i = 0; i < window.Length; i++)
        {
            var c = i % columns.Length;
            into[i] = (float)((window[i] - n.Mean[c]) / n.Scale[c]);
        }
    }

    private sealed class LabelledRow
    {
        public float[] Features { get; set; } = [];
        public float Label { get; set; }
    }

    private sealed class WindowRow
    {
        public float[] Features { get; set; } = [];
    }

    private sealed class Prediction
    {
        public float Score { get; set; }
    }
}
