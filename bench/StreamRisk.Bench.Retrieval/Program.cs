using System.Diagnostics;
using System.Text.Json;
using StreamRisk.Core.Graph;
using StreamRisk.Core.Topics;
using StreamRisk.Infrastructure.Graph;
using StreamRisk.Infrastructure.Qdrant;
using StreamRisk.Infrastructure.Reference;
using StreamRisk.Tests.Shared.Neo4j;
using StreamRisk.Tests.Shared.Qdrant;

// Retrieval + graph mapping per text, as the industry stage does it (embed, 5 nearest topics, MulFSA's rule, industries
// through the graph), on the Reuters sample texts, for each backend in the same process: the embedded exact index and
// graph (the default, the reference figure), Qdrant through Qdrant.Client against the in-process gRPC fake, and Neo4j's
// Query API against the in-process HTTP fake (with the per-topic edge cache, and without). The fakes run on loopback in
// this process: the network figures measure the client, serialisation and a loopback round trip, not a real server.
// Usage: StreamRisk.Bench.Retrieval [REPO=.] [rounds=5]
var repo = args.Length > 0 ? args[0] : ".";
var rounds = args.Length > 1 ? int.Parse(args[1]) : 5;
var reference = ReferenceDataLoader.Load(Path.Combine(repo, "data", "reference"));
var texts = File.ReadLines(Path.Combine(repo, "data", "samples", "01-reuters.jsonl"))
    .Select(l => JsonDocument.Parse(l).RootElement)
    .Select(e => e.GetProperty("headline").GetString() + ". " + e.GetProperty("body").GetString())
    .ToList();
var embedder = new HashedTfIdfEmbedder(reference.Topics.Select(TopicRetriever.TopicText));
var embedded = new TopicRetriever(reference.Topics, embedder, new ExactCosineIndex(embedder.Dimension));
var embeddedGraph = EmbeddedKnowledgeGraph.From(reference);

await using var qdrant = await FakeQdrantServer.StartAsync();
using var qdrantIndex = await QdrantVectorIndex.OpenAsync(new QdrantIndexOptions(qdrant.Address), embedder.ModelId, embedder.Dimension, createIfMissing: true);
await TopicRetriever.SeedAsync(reference.Topics, embedder, qdrantIndex);
var remote = await TopicRetriever.OpenAsync(reference.Topics, embedder, qdrantIndex);

await using var neo4j = await FakeNeo4jServer.StartAsync();
var login = new Neo4jGraphOptions(neo4j.Address) { User = "neo4j", Password = "test-password" };
using var cached = new Neo4jKnowledgeGraph(login);
await cached.SeedAsync(KnowledgeGraphSeed.From(reference));
using var uncached = new Neo4jKnowledgeGraph(login with { CacheFor = TimeSpan.Zero });

// Per text: retrieval, then the graph. Returns the industries reached (a checksum that the backends agree).
async Task<int> Map(TopicRetriever retriever, IKnowledgeGraph graph, string text)
{
    if (graph is SynchronousGraph sync)
    {
        var direct = retriever.Keep(retriever.Neighbours(text));
        return direct.Count == 0 ? 0 : sync.Matrix.IndustriesFor(direct).Count;
    }
    var hits = retriever.Keep(await retriever.NeighboursAsync(text));
    return hits.Count == 0 ? 0 : (await graph.IndustriesForAsync(hits)).Count;
}

// The synchronous calls the stage made before the contracts became asynchronous: the cost of the ValueTask layer.
var matrix = new TopicIndustryMap(reference.TopicIndustryMatrix);
var synchronous = new SynchronousGraph(matrix);

var backends = new (string Name, TopicRetriever Retriever, IKnowledgeGraph Graph)[]
{
    ("embedded index + embedded graph (reference)", embedded, embeddedGraph),
    ("embedded, synchronous calls as before the async contracts", embedded, synchronous),
    ("qdrant (in-process gRPC fake) + embedded graph", remote, embeddedGraph),
    ("embedded index + neo4j (in-process HTTP fake, edge cache 60 s)", embedded, cached),
    ("embedded index + neo4j (in-process HTTP fake, no cache)", embedded, uncached),
    ("qdrant fake + neo4j fake (cache)", remote, cached),
};
var timings = backends.Select(_ => new List<double>()).ToArray();
var checksums = new int[backends.Length];
foreach (var (_, retriever, graph) in backends)
{
    foreach (var text in texts.Take(10)) await Map(retriever, graph, text); // warm-up: JIT, connections, caches
}
for (var round = 0; round < rounds; round++)
{
    for (var b = 0; b < backends.Length; b++)
    {
        var (_, retriever, graph) = backends[b];
        checksums[b] = 0;
        foreach (var text in texts)
        {
            var started = Stopwatch.GetTimestamp();
            checksums[b] += await Map(retriever, graph, text);
            timings[b].Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }
    }
}

Console.WriteLine($"{texts.Count} texts × {rounds} rounds per backend, backends alternating; {reference.Topics.Count} topics, dimension {embedder.Dimension}");
Console.WriteLine($"{"backend",-64} {"median µs",10} {"p95 µs",10} {"mean µs",10} {"× ref",7} industries");
var referenceMedian = Percentile(timings[0], 0.5);
for (var b = 0; b < backends.Length; b++)
{
    var median = Percentile(timings[b], 0.5);
    Console.WriteLine($"{backends[b].Name,-64} {median,10:F1} {Percentile(timings[b], 0.95),10:F1} {timings[b].Average(),10:F1} {median / referenceMedian,7:F1} {checksums[b]}");
}
if (checksums.Distinct().Count() != 1)
{
    Console.WriteLine("MISMATCH: the backends reached different industries");
    return 1;
}
return 0;

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}

/// <summary>Marks the row that calls <see cref="TopicRetriever.Neighbours"/> and <see cref="TopicIndustryMap.IndustriesFor"/> directly.</summary>
sealed class SynchronousGraph(TopicIndustryMap matrix) : IKnowledgeGraph
{
    public TopicIndustryMap Matrix => matrix;
    public string Source => "synchronous";
    public ValueTask<IReadOnlyList<StreamRisk.Core.Reference.TopicIndustryLink>> EffectsOfAsync(IReadOnlyCollection<string> topicIds, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public ValueTask<IReadOnlyList<string>> IssuersOfAsync(string industryId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public ValueTask<IReadOnlyList<IndustryExposure>> IndustriesForAsync(IReadOnlyList<StreamRisk.Core.Events.TopicHit> hits, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public ValueTask<IReadOnlyList<SpilloverReach>> RelatedIssuersAsync(string issuerId, SpilloverOptions options, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
