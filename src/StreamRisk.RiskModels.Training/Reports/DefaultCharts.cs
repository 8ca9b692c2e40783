using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace StreamRisk.RiskModels.Training.Reports;

/// <summary>The default-class report's SVG charts (OxyPlot, no native code), from plain numbers.</summary>
public static class DefaultCharts
{
    /// <summary>Precision against recall, one line per model (one-vs-rest for one class).</summary>
    public static string PrecisionRecall(string title, IEnumerable<(string Model, IReadOnlyList<(double Recall, double Precision)> Points)> curves, double prevalence)
    {
        var model = Titled(title);
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = "recall", Minimum = 0, Maximum = 1 });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = "precision", Minimum = 0, Maximum = 1.02 });
        foreach (var (name, points) in curves)
        {
            var line = new LineSeries { Title = name };
            foreach (var (recall, precision) in points) line.Points.Add(new DataPoint(recall, precision));
            model.Series.Add(line);
        }
        model.Annotations.Add(new LineAnnotation
        {
            Type = LineAnnotationType.Horizontal, Y = prevalence, Color = OxyColors.Gray, LineStyle = LineStyle.Dash,
            Text = string.Create(CultureInfo.InvariantCulture, $"no skill (prevalence {prevalence:0.###})"),
        });
        return Svg(model, 760, 520);
    }

    /// <summary>Observed frequency against mean predicted probability per bin, one line per model, with the diagonal.</summary>
    public static string Reliability(string title, IEnumerable<(string Model, IReadOnlyList<(double Predicted, double Observed, int Count)> Bins)> curves)
    {
        var model = Titled(title);
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = "mean predicted probability", Minimum = 0, Maximum = 1 });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = "observed frequency", Minimum = 0, Maximum = 1 });
        var diagonal = new LineSeries { Title = "perfect calibration", Color = OxyColors.Gray, LineStyle = LineStyle.Dash };
        diagonal.Points.Add(new DataPoint(0, 0));
        diagonal.Points.Add(new DataPoint(1, 1));
        model.Series.Add(diagonal);
        foreach (var (name, bins) in curves)
        {
            var line = new LineSeries { Title = name, MarkerType = MarkerType.Circle };
            foreach (var (predicted, observed, count) in bins.Where(b => b.Count > 0)) line.Points.Add(new DataPoint(predicted, observed));
            model.Series.Add(line);
        }
        return Svg(model, 760, 520);
    }

    /// <summary>A confusion matrix (rows: true class, columns: predicted) shaded by row share, with counts written in.</summary>
    public static string Confusion(string title, int[,] counts, IReadOnlyList<string> classes)
    {
        var n = classes.Count;
        var share = new double[n, n];
        for (var t = 0; t < n; t++)
        {
            var total = 0.0;
            for (var p = 0; p < n; p++) total += counts[t, p];
            for (var p = 0; p < n; p++) share[p, n - 1 - t] = total > 0 ? counts[t, p] / total : 0;
        }
        var model = Titled(title);
        model.Axes.Add(new CategoryAxis { Position = AxisPosition.Bottom, Title = "predicted", ItemsSource = classes.ToArray() });
        model.Axes.Add(new CategoryAxis { Position = AxisPosition.Left, Title = "true", ItemsSource = classes.Reverse().ToArray() });
        model.Axes.Add(new LinearColorAxis { Position = AxisPosition.Right, Palette = OxyPalette.Interpolate(100, OxyColors.White, OxyColors.SteelBlue, OxyColors.Navy), Minimum = 0, Maximum = 1, Title = "share of the true class" });
        model.Series.Add(new HeatMapSeries { X0 = 0, X1 = n - 1, Y0 = 0, Y1 = n - 1, Data = share, Interpolate = false, RenderMethod = HeatMapRenderMethod.Rectangles });
        for (var t = 0; t < n; t++)
        {
            for (var p = 0; p < n; p++)
            {
                model.Annotations.Add(new TextAnnotation
                {
                    TextPosition = new DataPoint(p, n - 1 - t), Text = counts[t, p].ToString(CultureInfo.InvariantCulture),
                    Stroke = OxyColors.Transparent, TextColor = share[p, n - 1 - t] > 0.6 ? OxyColors.White : OxyColors.Black,
                });
            }
        }
        return Svg(model, 560, 480);
    }

    /// <summary>Mean attention per feature (rows) and quarter before the origin (columns), as a heat map.</summary>
    public static string Attention(string title, double[,] weights, IReadOnlyList<string> features, IReadOnlyList<string> quarters)
    {
        var rows = features.Count;
        var columns = quarters.Count;
        var data = new double[columns, rows];
        for (var f = 0; f < rows; f++)
            for (var q = 0; q < columns; q++)
                data[q, rows - 1 - f] = weights[f, q];
        var model = Titled(title);
        model.Axes.Add(new CategoryAxis { Position = AxisPosition.Bottom, Title = "quarter (newest right)", ItemsSource = quarters.ToArray() });
        model.Axes.Add(new CategoryAxis { Position = AxisPosition.Left, ItemsSource = features.Reverse().ToArray(), FontSize = 9 });
        model.Axes.Add(new LinearColorAxis { Position = AxisPosition.Right, Palette = OxyPalettes.Viridis(100), Title = "attention" });
        model.Series.Add(new HeatMapSeries { X0 = 0, X1 = columns - 1, Y0 = 0, Y1 = rows - 1, Data = data, Interpolate = false, RenderMethod = HeatMapRenderMethod.Rectangles });
        return Svg(model, 760, Math.Max(400, 16 * rows + 120));
    }

    /// <summary>Per cluster, how many test issuers of each class it holds (hard assignment by largest probability).</summary>
    public static string ClusterComposition(string title, int[,] countsByClusterAndClass, IReadOnlyList<string> classes)
    {
        var clusters = countsByClusterAndClass.GetLength(0);
        var model = Titled(title);
        model.Axes.Add(new CategoryAxis
        {
            Position = AxisPosition.Left, ItemsSource = Enumerable.Range(1, clusters).Select(k => $"cluster {k}").ToArray(),
        });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = "examples", Minimum = 0 });
        for (var c = 0; c < classes.Count; c++)
        {
            var bars = new BarSeries { Title = classes[c], IsStacked = true };
            for (var k = 0; k < clusters; k++) bars.Items.Add(new BarItem(countsByClusterAndClass[k, c]));
            model.Series.Add(bars);
        }
        return Svg(model, 760, 120 + 40 * clusters);
    }

    private static PlotModel Titled(string title)
    {
        var model = new PlotModel { Title = title };
        model.Legends.Add(new Legend { LegendPosition = LegendPosition.RightTop, LegendPlacement = LegendPlacement.Outside });
        return model;
    }

    private static string Svg(PlotModel model, double width, double height) =>
        SvgExporter.ExportToString(model, width, height, isDocument: true);
}
