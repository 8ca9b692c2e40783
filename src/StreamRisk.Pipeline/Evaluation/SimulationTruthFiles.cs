using System.Globalization;
using StreamRisk.Core.Simulation;
using StreamRisk.Infrastructure.Simulation;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Evaluation;

/// <summary>Reads the ground truth a simulation wrote under DIR/truth.</summary>
public static class SimulationTruthFiles
{
    public static IEnumerable<TextPolarity> ReadPolarity(string path)
    {
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (text.Length == 0) continue;
            TextPolarity row;
            try
            {
                row = SimulationTruthJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(text));
            }
            catch (System.Text.Json.JsonException ex)
            {
                throw new InputException($"{path} line {line}: not a polarity record ({ex.Message})");
            }
            yield return row;
        }
    }

    /// <summary>truth/latent.csv (issuer_id,day,latent) as one path per issuer.</summary>
    public static IReadOnlyDictionary<string, LatentPath> ReadLatent(string path)
    {
        var days = new Dictionary<string, (List<DateOnly> Days, List<double> Values)>(StringComparer.Ordinal);
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (line == 1)
            {
                if (text != "issuer_id,day,latent") throw new InputException($"{path}: header is '{text}', expected 'issuer_id,day,latent'");
                continue;
            }
            if (text.Length == 0) continue;
            var span = text.AsSpan();
            var first = span.IndexOf(',');
            var last = span.LastIndexOf(',');
            if (first <= 0 || last <= first
                || !DateOnly.TryParseExact(span[(first + 1)..last], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                || !double.TryParse(span[(last + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new InputException($"{path} line {line}: expected issuer_id,yyyy-MM-dd,number but found '{text}'");
            }
            var issuer = text[..first];
            if (!days.TryGetValue(issuer, out var series))
            {
                series = ([], []);
                days[issuer] = series;
            }
            series.Days.Add(day);
            series.Values.Add(value);
        }
        var paths = new Dictionary<string, LatentPath>(days.Count, StringComparer.Ordinal);
        foreach (var (issuer, series) in days)
        {
            try
            {
                paths[issuer] = new LatentPath([.. series.Days], [.. series.Values]);
            }
            catch (ArgumentException ex)
            {
                throw new InputException($"{path}: issuer {issuer}: {ex.Message}");
            }
        }
        return paths;
    }
}
