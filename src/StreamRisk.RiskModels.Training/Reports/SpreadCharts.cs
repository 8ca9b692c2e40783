using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;
using StreamRisk.RiskModels.Data;
using StreamRisk.RiskModels.Training.Training;

namespace StreamRisk.RiskModels.Training.Reports;

/// <summary>The report's SVG charts (OxyPlot, no native code).</summary>
public static class SpreadCharts
{
    public static string ErrorByHorizon(SpreadExperimentResult result)
    {
        var model = new PlotModel { Title = "Test MAE by horizon (bps; seed-averaged forecasts)" };
        model.Legends.Add(new Legend { LegendPosition = LegendPosition.TopLeft, LegendPlacement = LegendPlacement.Inside });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = "horizon (trading days)", Minimum = 0 });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = "MAE (bps)" });
        foreach (var m in result.Models)
        {
            var line = new LineSeries { Title = m.Name, MarkerType = MarkerType.Circle };
            foreach (var metric in m.Ensemble.Metrics) line.Points.Add(new DataPoint(metric.HorizonDays, metric.Mae));
            model.Series.Add(line);
        }
        return Svg(model, 900, 500);
    }

    /// <summary>Actual spread of one issuer over the test period against the forecast made h days earlier, with its interval.</summary>
    public static string ForecastVsActual(SpreadExperimentResult result, int seriesIndex, int horizonIndex, double[] lowerResidual, double[] upperResidual)
    {
        var dataset = result.Dataset;
        var series = dataset.Series[seriesIndex];
        var h = dataset.Horizons[horizonIndex];
        var network = result.Models.Single(m => m.Name == SpreadExperiment.ITransformerWith).Ensemble;
        var walk = result.Models.Single(m => m.Name == SpreadExperiment.RandomWalk).Ensemble;
        var model = new PlotModel { Title = $"{series.IssuerId}: spread h = {h} days after the forecast origin (test period)" };
        model.Legends.Add(new Legend { LegendPosition = LegendPosition.TopLeft, LegendPlacement = LegendPlacement.Inside });
        model.Axes.Add(new DateTimeAxis { Position = AxisPosition.Bottom, StringFormat = "yyyy-MM-dd" });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = "spread (bps)" });
        var actual = new LineSeries { Title = "actual", Color = OxyColors.Black };
        var forecast = new LineSeries { Title = "iTransformer with sentiment", Color = OxyColors.RoyalBlue };
        var rw = new LineSeries { Title = "random walk", Color = OxyColors.Gray, LineStyle = LineStyle.Dash };
        var band = new AreaSeries { Title = "90 % interval (seed 1's validation residuals)", Color = OxyColor.FromAColor(60, OxyColors.RoyalBlue) };
        for (var i = 0; i < network.Examples.Count; i++)
        {
            var e = network.Examples[i];
            if (e.Series != seriesIndex) continue;
            var x = DateTimeAxis.ToDouble(series.Days[e.Origin + h].ToDateTime(TimeOnly.MinValue));
            var f = network.ForecastBps[horizonIndex][i];
            actual.Points.Add(new DataPoint(x, series.SpreadBps[e.Origin + h]));
            forecast.Points.Add(new DataPoint(x, f));
            rw.Points.Add(new DataPoint(x, walk.ForecastBps[horizonIndex][i]));
            band.Points.Add(new DataPoint(x, f * Math.Exp(upperResidual[horizonIndex])));
            band.Points2.Add(new DataPoint(x, f * Math.Exp(lowerResidual[horizonIndex])));
        }
        model.Series.Add(band);
        model.Series.Add(rw);
        model.Series.Add(actual);
        model.Series.Add(forecast);
        return Svg(model, 900, 420);
    }

    public static string Attention(IReadOnlyDictionary<string, double> attention)
    {
        var model = new PlotModel { Title = "Attention of the spread token over the variates (last layer, mean over heads and test origins)" };
        var categories = new CategoryAxis { Position = AxisPosition.Left };
        var bars = new BarSeries { FillColor = OxyColors.SteelBlue };
        foreach (var (feature, weight) in attention)
        {
            categories.Labels.Add(feature);
            bars.Items.Add(new BarItem(weight));
        }
        model.Axes.Add(categories);
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Minimum = 0, Title = "attention weight" });
        model.Series.Add(bars);
        return Svg(model, 900, 360);
    }

    /// <summary>Issuers to draw: those whose spread moved most over the test period (the telling ones).</summary>
    public static IReadOnlyList<int> MostMovedIssuers(SpreadDataset dataset, int count) =>
        dataset.Test.GroupBy(e => e.Series)
            .Select(g => (Series: g.Key, Range: g.Max(e => dataset.Series[e.Series].SpreadBps[e.Origin]) - g.Min(e => dataset.Series[e.Series].SpreadBps[e.Origin])))
            .OrderByDescending(p => p.Range).ThenBy(p => p.Series).Take(count).Select(p => p.Series).ToList();

    private static string Svg(PlotModel model, double width, double height) =>
        SvgExporter.ExportToString(model, width, height, isDocument: true);
}
