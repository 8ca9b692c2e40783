using StreamRisk.Core.Graph;
using StreamRisk.Infrastructure.Graph;
using StreamRisk.Tests.Shared.Graph;
using StreamRisk.Tests.Shared.Neo4j;

namespace StreamRisk.Infrastructure.Tests.Graph;

/// <summary>The knowledge-graph contract against Neo4j's HTTP Query API (the in-process fake), seeded by the adapter itself.</summary>
public sealed class Neo4jKnowledgeGraph_Contract : KnowledgeGraphContract, IAsyncLifetime
{
    private FakeNeo4jServer _server = null!;
    private readonly List<Neo4jKnowledgeGraph> _graphs = [];

    public async Task InitializeAsync() => _server = await FakeNeo4jServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var graph in _graphs) graph.Dispose();
        await _server.DisposeAsync();
    }

    protected override async Task<IKnowledgeGraph> CreateAsync(KnowledgeGraphSeed seed)
    {
        // Caching off: every contract call reaches the server.
        var graph = new Neo4jKnowledgeGraph(new Neo4jGraphOptions(_server.Address) { User = "neo4j", Password = "test-password", CacheFor = TimeSpan.Zero });
        _graphs.Add(graph);
        await graph.SeedAsync(seed);
        await graph.CheckSeededAsync();
        return graph;
    }

    protected override Task SeedAgainAsync(IKnowledgeGraph graph, KnowledgeGraphSeed seed) => ((Neo4jKnowledgeGraph)graph).SeedAsync(seed);
}
