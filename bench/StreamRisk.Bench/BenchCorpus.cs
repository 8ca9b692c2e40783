using System.Globalization;
using System.Text;
using System.Text.Json;
using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;
using StreamRisk.Infrastructure.Reference;

namespace StreamRisk.Bench;

/// <summary>The texts the benchmarks feed: the valid sample texts, made unique per copy so de-duplication keeps them.</summary>
public sealed class BenchCorpus
{
    public required IReadOnlyList<RawNews> Templates { get; init; }
    public required ReferenceData Reference { get; init; }

    public static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "StreamRisk.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("run the benchmark from inside the repository");
    }

    public static BenchCorpus Load()
    {
        var root = RepositoryRoot();
        var templates = new List<RawNews>();
        foreach (var file in new[] { "01-reuters.jsonl", "02-handmade.jsonl" })
        {
            foreach (var line in File.ReadLines(Path.Combine(root, "data", "samples", file)))
            {
                try
                {
                    var news = EventJson.Deserialize<RawNews>(Encoding.UTF8.GetBytes(line));
                    if (!string.IsNullOrWhiteSpace(news.Body) && news.PublishedAt.Year is > 1900 and < 2100) templates.Add(news);
                }
                catch (JsonException)
                {
                    // the hand-made set holds deliberately broken lines
                }
            }
        }
        return new BenchCorpus { Templates = templates, Reference = ReferenceDataLoader.Load(Path.Combine(root, "data", "reference"), null) };
    }

    /// <summary>The i-th benchmark text: a template with a unique id and suffix, published in increasing event time.</summary>
    public byte[] Document(int i, DateTimeOffset start)
    {
        var t = Templates[i % Templates.Count];
        var news = t with
        {
            DocId = "bench-" + i.ToString(CultureInfo.InvariantCulture),
            PublishedAt = start.AddSeconds(i * 30),
            Body = t.Body + " (ref " + i.ToString(CultureInfo.InvariantCulture) + ")",
        };
        return EventJson.Serialize(news);
    }
}
