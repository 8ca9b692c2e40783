using System.Globalization;
using System.Text;

namespace StreamRisk.Pipeline.Telemetry;

/// <summary>One metric family in the Prometheus text exposition format (version 0.0.4).</summary>
/// <param name="Type">counter, gauge or histogram (whose samples carry the <c>_bucket</c>, <c>_sum</c> and <c>_count</c> suffixes).</param>
public sealed record MetricFamily(string Name, string Type, string Help, IReadOnlyList<MetricSample> Samples);

/// <summary>A value with its labels (name, value), in the order they are written; <paramref name="Suffix"/> follows the
/// family's name (a histogram's <c>_bucket</c>, <c>_sum</c>, <c>_count</c>).</summary>
public sealed record MetricSample(IReadOnlyList<(string Name, string Value)> Labels, double Value, string Suffix = "")
{
    public static MetricSample Of(double value) => new([], value);
}

/// <summary>
/// Writes metric families as Prometheus text: what <c>/metrics</c> serves. Written by hand rather than through a client
/// library: the values are counters the pipeline already keeps, read at scrape time, so there is nothing to aggregate.
/// </summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Render(IEnumerable<MetricFamily> families)
    {
        ArgumentNullException.ThrowIfNull(families);
        var text = new StringBuilder();
        foreach (var family in families)
        {
            if (!IsName(family.Name) || family.Type is not ("counter" or "gauge" or "histogram"))
            {
                throw new ArgumentException($"metric '{family.Name}' of type '{family.Type}' cannot be exposed");
            }
            text.Append("# HELP ").Append(family.Name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
            text.Append("# TYPE ").Append(family.Name).Append(' ').Append(family.Type).Append('\n');
            foreach (var sample in family.Samples)
            {
                if (sample.Suffix.Length > 0 && (family.Type != "histogram" || sample.Suffix is not ("_bucket" or "_sum" or "_count")))
                {
                    throw new ArgumentException($"sample suffix '{sample.Suffix}' does not belong to {family.Type} '{family.Name}'");
                }
                text.Append(family.Name).Append(sample.Suffix);
                if (sample.Labels.Count > 0)
                {
                    text.Append('{');
                    for (var i = 0; i < sample.Labels.Count; i++)
                    {
                        var (name, value) = sample.Labels[i];
                        if (!IsName(name) || name.Contains(':', StringComparison.Ordinal))
                        {
                            throw new ArgumentException($"label '{name}' of metric '{family.Name}' is not a valid label name");
                        }
                        text.Append(i == 0 ? "" : ",").Append(name).Append("=\"").Append(EscapeLabel(value)).Append('"');
                    }
                    text.Append('}');
                }
                text.Append(' ').Append(Format(sample.Value)).Append('\n');
            }
        }
        return text.ToString();
    }

    private static string Format(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : value.ToString("R", CultureInfo.InvariantCulture);

    private static bool IsName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':');

    private static string EscapeHelp(string help) => help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeLabel(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
