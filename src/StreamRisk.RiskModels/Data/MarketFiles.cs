using System.Text;
using System.Text.Json;
using StreamRisk.Core.Events;

namespace StreamRisk.RiskModels.Data;

/// <summary>Reads the market series' inputs from JSON-lines files: a simulation's spreads.jsonl and fundamentals.jsonl and
/// the pipeline's sentiment.daily.v1.jsonl (every revision; the builder keeps each day's latest).</summary>
public static class MarketFiles
{
    public static IReadOnlyList<IssuerMarketSeries> Read(string spreadsFile, string fundamentalsFile, string dailyIndexFile, int? maxIssuers = null)
    {
        var spreads = Lines<SpreadObservation>(spreadsFile).ToList();
        HashSet<string>? keep = null;
        if (maxIssuers is { } max)
        {
            keep = spreads.Select(s => s.IssuerId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(max).ToHashSet(StringComparer.Ordinal);
            spreads = spreads.Where(s => keep.Contains(s.IssuerId)).ToList();
        }
        var fundamentals = Lines<Fundamentals>(fundamentalsFile).Where(f => keep is null || keep.Contains(f.IssuerId));
        var index = Lines<DailySentiment>(dailyIndexFile).Where(d => keep is null || keep.Contains(d.IssuerId));
        return MarketSeriesBuilder.Build(spreads, index, fundamentals);
    }

    private static IEnumerable<T> Lines<T>(string path) =>
        File.Exists(path)
            ? EventJson.DeserializeLines<T>(File.ReadLines(path), (line, ex) => new InvalidDataException($"{path} line {line}: {ex.Message}", ex))
            : throw new FileNotFoundException($"{path} is missing", path);
}
