using StreamRisk.RiskModels.Baselines;
using StreamRisk.RiskModels.Data;

namespace StreamRisk.RiskModels.Evaluation;

/// <summary>One forecaster's forecasts over a part of a dataset: bps forecasts per example and horizon, and the metrics.</summary>
public sealed record ForecastRun(string Name, IReadOnlyList<SpreadExample> Examples, double[][] ForecastBps, IReadOnlyList<ForecastMetrics> Metrics);

public static class ForecastEvaluation
{
    /// <summary>Runs <paramref name="forecaster"/> over <paramref name="examples"/>; forecasts are S[t]·exp(predicted log change).</summary>
    public static ForecastRun Run(ISpreadForecaster forecaster, SpreadDataset dataset, IReadOnlyList<SpreadExample> examples)
    {
        var h = dataset.Horizons.Count;
        var forecasts = Enumerable.Range(0, h).Select(_ => new double[examples.Count]).ToArray();
        var change = new double[h];
        for (var i = 0; i < examples.Count; i++)
        {
            forecaster.Predict(dataset, examples[i], change);
            var now = dataset.OriginSpread(examples[i]);
            for (var k = 0; k < h; k++) forecasts[k][i] = now * Math.Exp(change[k]);
        }
        return FromForecasts(forecaster.Name, dataset, examples, forecasts);
    }

    /// <summary>Metrics of forecasts made elsewhere (e.g. a batched network), one array per horizon.</summary>
    public static ForecastRun FromForecasts(string name, SpreadDataset dataset, IReadOnlyList<SpreadExample> examples, double[][] forecastBps)
    {
        var metrics = new List<ForecastMetrics>(dataset.Horizons.Count);
        var actual = new double[examples.Count];
        for (var k = 0; k < dataset.Horizons.Count; k++)
        {
            for (var i = 0; i < examples.Count; i++) actual[i] = dataset.ActualSpread(examples[i], k);
            metrics.Add(ForecastMetrics.Of(dataset.Horizons[k], forecastBps[k], actual));
        }
        return new ForecastRun(name, examples, forecastBps, metrics);
    }

    /// <summary>
    /// Diebold–Mariano on absolute errors at one horizon: per origin day the mean |error| over issuers, so the test sees
    /// one loss difference per day (issuers on a day share the market and are not independent); A − B.
    /// </summary>
    public static DieboldMarianoResult Compare(SpreadDataset dataset, ForecastRun a, ForecastRun b, int horizonIndex)
    {
        if (!ReferenceEquals(a.Examples, b.Examples) && !a.Examples.SequenceEqual(b.Examples))
        {
            throw new ArgumentException("the two runs must forecast the same examples");
        }
        var byDay = new SortedDictionary<DateOnly, (double Sum, int Count)>();
        for (var i = 0; i < a.Examples.Count; i++)
        {
            var actual = dataset.ActualSpread(a.Examples[i], horizonIndex);
            var d = Math.Abs(a.ForecastBps[horizonIndex][i] - actual) - Math.Abs(b.ForecastBps[horizonIndex][i] - actual);
            var day = dataset.OriginDay(a.Examples[i]);
            var held = byDay.GetValueOrDefault(day);
            byDay[day] = (held.Sum + d, held.Count + 1);
        }
        var series = byDay.Values.Select(v => v.Sum / v.Count).ToList();
        return DieboldMariano.Test(series, dataset.Horizons[horizonIndex]);
    }
}
