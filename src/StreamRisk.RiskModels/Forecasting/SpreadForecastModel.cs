using StreamRisk.RiskModels.Artifacts;
using StreamRisk.RiskModels.Baselines;
using StreamRisk.RiskModels.Data;
using StreamRisk.RiskModels.Networks;

namespace StreamRisk.RiskModels.Forecasting;

/// <summary>
/// A trained iTransformer spread forecaster loaded from its artifact, run by the C# forward pass. The artifact says
/// which features it reads (in order), how to normalise them, which are switched off (A/B without sentiment),
/// the horizons, and the residual quantiles of held-out validation forecasts that give the prediction interval.
/// </summary>
public sealed class SpreadForecastModel : ISpreadForecaster
{
    public const string Kind = "spread-itransformer";

    private readonly ITransformerNetwork _network;
    private readonly int[] _columns;
    private readonly bool[] _visible;
    private readonly double[] _lowerResidual;
    private readonly double[] _upperResidual;

    private SpreadForecastModel(ModelArtifact artifact, ITransformerNetwork network, int[] columns, bool[] visible, int[] horizons,
        double[] lower, double[] upper)
    {
        Artifact = artifact;
        _network = network;
        _columns = columns;
        _visible = visible;
        Horizons = horizons;
        _lowerResidual = lower;
        _upperResidual = upper;
    }

    public ModelArtifact Artifact { get; }
    public ModelManifest Manifest => Artifact.Manifest;
    public string Name => Manifest.ModelVersion;
    public IReadOnlyList<int> Horizons { get; }
    public int Window => _network.Shape.Window;

    public static SpreadForecastModel Load(string path) => FromArtifact(ModelArtifact.Load(path, Kind));

    public static SpreadForecastModel FromArtifact(ModelArtifact artifact)
    {
        var m = artifact.Manifest;
        var columns = new int[m.Features.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            try
            {
                columns[i] = SpreadFeatures.IndexOf(m.Features[i]);
            }
            catch (ArgumentException)
            {
                throw new ModelArtifactException($"{artifact.ManifestPath}: field 'features' names '{m.Features[i]}', which this build does not compute (known: {string.Join(", ", SpreadFeatures.All)})");
            }
        }
        if (columns[0] != 0) throw new ModelArtifactException($"{artifact.ManifestPath}: field 'features' must start with '{SpreadFeatures.LogSpread}' (the target variate)");
        var shape = new ITransformerShape(
            artifact.IntHyperparameter("window"), m.Features.Count, artifact.IntHyperparameter("d_model"), artifact.IntHyperparameter("heads"),
            artifact.IntHyperparameter("layers"), artifact.IntHyperparameter("feed_forward"), m.Outputs.Names.Count);
        try
        {
            shape.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new ModelArtifactException($"{artifact.ManifestPath}: field 'hyperparameters': {ex.Message}");
        }
        foreach (var (name, dims) in shape.Tensors()) artifact.Tensor(name, dims);
        var horizons = artifact.Extra("horizons", shape.Outputs).Select(h => (int)h).ToArray();
        var visible = artifact.Extra("visible", shape.Variates).Select(v => v != 0).ToArray();
        var lower = artifact.Extra("residual_q05", shape.Outputs);
        var upper = artifact.Extra("residual_q95", shape.Outputs);
        return new SpreadForecastModel(artifact, new ITransformerNetwork(shape, artifact.Tensors), columns, visible, horizons, lower, upper);
    }

    /// <summary>Predicted ln(S[t+h] / S[t]) per horizon for the window ending at <paramref name="origin"/> of a series.</summary>
    public void PredictLogChanges(IssuerMarketSeries series, int origin, Span<double> logChanges, Span<float> attention = default)
    {
        var w = Window;
        if (origin < w - 1 || origin >= series.Length) throw new ArgumentOutOfRangeException(nameof(origin), $"needs {w} rows up to the origin");
        Span<float> input = stackalloc float[w * _columns.Length];
        var norm = Manifest.Normalisation;
        for (var r = 0; r < w; r++)
        {
            var row = series.Values[origin - w + 1 + r];
            for (var c = 0; c < _columns.Length; c++) input[r * _columns.Length + c] = (float)((row[_columns[c]] - norm.Mean[c]) / norm.Scale[c]);
        }
        Span<float> output = stackalloc float[Horizons.Count];
        _network.Forward(input, _visible, output, attention);
        for (var k = 0; k < Horizons.Count; k++) logChanges[k] = output[k] * Manifest.Outputs.Scale[k] + Manifest.Outputs.Mean[k];
    }

    public void Predict(SpreadDataset dataset, SpreadExample example, Span<double> logChanges) =>
        PredictLogChanges(dataset.Series[example.Series], example.Origin, logChanges);

    /// <summary>The served forecast at the last row of <paramref name="series"/> (which needs at least a window of rows).</summary>
    public SpreadForecast Forecast(IssuerMarketSeries series)
    {
        var origin = series.Length - 1;
        Span<double> change = stackalloc double[Horizons.Count];
        var attention = new float[_columns.Length];
        PredictLogChanges(series, origin, change, attention);
        var now = series.SpreadBps[origin];
        var horizons = new HorizonForecast[Horizons.Count];
        for (var k = 0; k < horizons.Length; k++)
        {
            horizons[k] = new HorizonForecast(Horizons[k], now * Math.Exp(change[k]),
                now * Math.Exp(change[k] + _lowerResidual[k]), now * Math.Exp(change[k] + _upperResidual[k]));
        }
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var c = 0; c < _columns.Length; c++) weights[Manifest.Features[c]] = attention[c];
        return new SpreadForecast(series.IssuerId, series.Days[origin], Manifest.ModelVersion, now, horizons,
            series.Days[origin], series.IndexDays[origin], series.StatementDays[origin], weights);
    }
}
