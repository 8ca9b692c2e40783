using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace StreamRisk.Nlp.Training.Evaluation;

/// <summary>Reliability diagram as SVG: accuracy against mean confidence per confidence bin, one line per model, the
/// diagonal being perfect calibration.</summary>
public static class CalibrationChart
{
    public static void Write(string path, string title, IReadOnlyList<(string Name, ClassificationReport Report)> models)
    {
        var plot = new PlotModel { Title = title };
        plot.Legends.Add(new Legend { LegendPosition = LegendPosition.LeftTop });
        plot.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Minimum = 0, Maximum = 1, Title = "confidence (top-class probability)" });
        plot.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Minimum = 0, Maximum = 1, Title = "accuracy" });
        var diagonal = new LineSeries { Title = "perfect calibration", LineStyle = LineStyle.Dash, Color = OxyColors.Gray };
        diagonal.Points.Add(new DataPoint(0, 0));
        diagonal.Points.Add(new DataPoint(1, 1));
        plot.Series.Add(diagonal);
        foreach (var (name, report) in models)
        {
            var line = new LineSeries { Title = $"{name} (ECE {report.ExpectedCalibrationError:0.000})", MarkerType = MarkerType.Circle };
            foreach (var bin in report.Reliability) line.Points.Add(new DataPoint(bin.MeanConfidence, bin.Accuracy));
            plot.Series.Add(line);
        }
        using var stream = File.Create(path);
        new SvgExporter { Width = 640, Height = 480 }.Export(plot, stream);
    }
}
