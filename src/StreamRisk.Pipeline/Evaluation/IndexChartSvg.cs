using System.Globalization;
using System.Text;
using StreamRisk.Core.Events;

namespace StreamRisk.Pipeline.Evaluation;

/// <summary>
/// A small SVG line chart of one issuer: its smoothed daily index against its latent credit, each standardised to
/// mean 0 and unit spread so the two scales share one axis (the eye judges co-movement, not units).
/// </summary>
public static class IndexChartSvg
{
    private const int Width = 760, Height = 300, Left = 50, Right = 20, Top = 30, Bottom = 40;

    /// <summary>The issuer whose latent credit moved most over the period (the most telling one to draw); null when none has an index.</summary>
    public static string? MostMovedIssuer(PipelineOutcome outcome, IReadOnlyDictionary<string, LatentPath> latent)
    {
        var indexed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in outcome.DailyIndex) indexed.Add(d.IssuerId);
        string? best = null;
        var bestRange = -1.0;
        foreach (var issuer in indexed.Order(StringComparer.Ordinal))
        {
            if (!latent.TryGetValue(issuer, out var path) || path.Count < 2) continue;
            double min = double.MaxValue, max = double.MinValue;
            for (var i = 0; i < path.Count; i++)
            {
                min = Math.Min(min, path.Level(i));
                max = Math.Max(max, path.Level(i));
            }
            if (max - min > bestRange)
            {
                bestRange = max - min;
                best = issuer;
            }
        }
        return best;
    }

    public static string Render(string issuerId, IReadOnlyList<DailySentiment> dailyIndex, LatentPath path)
    {
        var index = dailyIndex.Where(d => d.IssuerId == issuerId).OrderBy(d => d.Day).Select(d => (d.Day, d.Smoothed)).ToList();
        var truth = Enumerable.Range(0, path.Count).Select(i => (path.Day(i), path.Level(i))).ToList();
        var all = index.Select(p => p.Day).Concat(truth.Select(p => p.Item1)).ToList();
        var first = all.Count == 0 ? DateOnly.MinValue : all.Min();
        var last = all.Count == 0 ? DateOnly.MinValue : all.Max();
        var span = Math.Max(1, last.DayNumber - first.DayNumber);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"18\">{Escape(issuerId)}: smoothed daily index (blue) and latent credit (black), standardised</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top + (Height - Top - Bottom) / 2}\" x2=\"{Width - Right}\" y2=\"{Top + (Height - Top - Bottom) / 2}\" stroke=\"#ccc\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height - 12}\">{first:yyyy-MM-dd}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right}\" y=\"{Height - 12}\" text-anchor=\"end\">{last:yyyy-MM-dd}</text>\n");
        Polyline(svg, index, first, span, "#1f5fbf");
        Polyline(svg, truth, first, span, "black");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Polyline(StringBuilder svg, List<(DateOnly Day, double Value)> points, DateOnly first, int span, string colour)
    {
        if (points.Count == 0) return;
        var mean = points.Average(p => p.Value);
        var sd = Math.Sqrt(points.Average(p => (p.Value - mean) * (p.Value - mean)));
        if (sd == 0) sd = 1;
        const double Reach = 3.0; // ±3 standard deviations fill the plot height
        svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.2\" points=\"");
        foreach (var (day, value) in points)
        {
            var x = Left + (double)(day.DayNumber - first.DayNumber) / span * (Width - Left - Right);
            var z = Math.Clamp((value - mean) / sd, -Reach, Reach);
            var y = Top + (Reach - z) / (2 * Reach) * (Height - Top - Bottom);
            svg.Append(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#} ");
        }
        svg.Append("\"/>\n");
    }

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text) ?? string.Empty;
}
