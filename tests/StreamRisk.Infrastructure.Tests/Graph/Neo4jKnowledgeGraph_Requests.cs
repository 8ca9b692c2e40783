using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using StreamRisk.Core.Events;
using StreamRisk.Core.Graph;
using StreamRisk.Core.Reference;
using StreamRisk.Infrastructure.Graph;
using StreamRisk.Tests.Shared.Neo4j;

namespace StreamRisk.Infrastructure.Tests.Graph;

/// <summary>What the Neo4j adapter sends (parameterised statements, Basic auth), how it caches, and how it reports failures.</summary>
public sealed class Neo4jKnowledgeGraph_Requests : IAsyncLifetime
{
    private FakeNeo4jServer _server = null!;

    private static readonly KnowledgeGraphSeed Seed = KnowledgeGraphSeed.From(new ReferenceData(
        [new Industry("banks", "Banks", "Financials"), new Industry("airlines", "Airlines", "Industrials")],
        [new Topic("rate_hike", "macro", "Rate hike", "rates up"), new Topic("strike", "labour", "Strike", "workers strike")],
        [new TopicIndustryLink("rate_hike", "banks", 0.2), new TopicIndustryLink("strike", "airlines", -0.4)],
        [new Issuer("alpha_bank", "Alpha Bank", [], [], ["banks"])]));

    public async Task InitializeAsync() => _server = await FakeNeo4jServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Neo4jGraphOptions Options(string password = "test-password") => new(_server.Address) { User = "neo4j", Password = password };

    [Fact]
    public async Task Every_value_travels_as_a_parameter_with_basic_auth()
    {
        using var graph = new Neo4jKnowledgeGraph(Options());
        await graph.SeedAsync(Seed);
        await graph.EffectsOfAsync(["strike"]);
        await graph.IssuersOfAsync("banks");
        await graph.RelatedIssuersAsync("alpha_bank", SpilloverOptions.Default);

        var known = Neo4jStatements.Constraints.Concat([Neo4jStatements.MergeIndustries, Neo4jStatements.MergeTopics, Neo4jStatements.MergeIssuers,
            Neo4jStatements.MergeAffects, Neo4jStatements.MergeBelongsTo, Neo4jStatements.PruneAffects, Neo4jStatements.PruneBelongsTo,
            Neo4jStatements.EffectsOf, Neo4jStatements.IssuersOf, Neo4jStatements.MergeRelations, Neo4jStatements.PruneRelations,
            Neo4jStatements.RelationsNear]).ToHashSet();
        Assert.All(_server.Requests, request =>
        {
            Assert.Contains(request.Statement, known);
            Assert.DoesNotContain("strike", request.Statement, StringComparison.Ordinal);
            Assert.DoesNotContain("banks", request.Statement, StringComparison.Ordinal);
            Assert.DoesNotContain("alpha_bank", request.Statement, StringComparison.Ordinal);
            Assert.StartsWith("Basic ", request.Authorization, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Belongs_to_says_whether_codes_or_the_description_placed_the_issuer()
    {
        var placed = new Issuer("sky_co", "Sky Co", [], [], ["airlines"]) { Description = "Flies.", Placement = [new PlacedIndustry("airlines", 0.42)] };
        var seed = KnowledgeGraphSeed.From(new ReferenceData(Seed.Industries, Seed.Topics, Seed.Affects, [.. Seed.Issuers, placed]));
        using var graph = new Neo4jKnowledgeGraph(Options());

        await graph.SeedAsync(seed);

        var byDescription = _server.BelongsTo[("sky_co", "airlines")];
        Assert.Equal("description", byDescription["placed_by"]!.GetValue<string>());
        Assert.Equal(0.42, byDescription["similarity"]!.GetValue<double>());
        var byCodes = _server.BelongsTo[("alpha_bank", "banks")];
        Assert.Equal("industry_codes", byCodes["placed_by"]!.GetValue<string>());
        Assert.False(byCodes.ContainsKey("similarity"));
        Assert.Equal(["sky_co"], await graph.IssuersOfAsync("airlines"));
    }

    [Fact]
    public async Task Seeding_twice_merges_and_a_removed_link_is_pruned()
    {
        using var graph = new Neo4jKnowledgeGraph(Options());
        await graph.SeedAsync(Seed);
        await graph.SeedAsync(Seed);
        Assert.Equal(2, _server.Affects.Count);
        Assert.Equal(2, _server.Topics.Count);

        await graph.SeedAsync(Seed with { Affects = [Seed.Affects[0]] });

        Assert.Equal([("rate_hike", "banks")], _server.Affects.Keys);
        Assert.Empty(await graph.EffectsOfAsync(["strike"]));
    }

    [Fact]
    public async Task A_relation_s_weight_is_updated_in_place_and_a_removed_relation_is_pruned()
    {
        var related = Seed with
        {
            Issuers = [.. Seed.Issuers, new Issuer("beta_bank", "Beta Bank", [], [], ["banks"])],
            Relations = [new IssuerRelation("alpha_bank", "beta_bank", IssuerRelationKind.Parent, 0.6)],
        };
        using var graph = new Neo4jKnowledgeGraph(Options());
        await graph.SeedAsync(related);
        await graph.SeedAsync(related with { Relations = [related.Relations[0] with { Weight = 0.9 }] });

        Assert.Equal(0.9, Assert.Single(_server.Relations).Value);
        Assert.Equal(0.9 * 0.5, Assert.Single(await graph.RelatedIssuersAsync("beta_bank", SpilloverOptions.Default)).Weight, 12);

        await graph.SeedAsync(related with { Relations = [] });

        Assert.Empty(_server.Relations);
        Assert.Empty(await graph.RelatedIssuersAsync("beta_bank", SpilloverOptions.Default));
    }

    [Fact]
    public async Task A_topic_s_edges_are_asked_once_per_cache_period()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-05T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var seeder = new Neo4jKnowledgeGraph(Options());
        await seeder.SeedAsync(Seed);
        using var graph = new Neo4jKnowledgeGraph(Options() with { CacheFor = TimeSpan.FromSeconds(60) }, time: time);
        var hits = new[] { new TopicHit("strike", 0.5), new TopicHit("rate_hike", 0.3) };

        var first = await graph.IndustriesForAsync(hits);
        var second = await graph.IndustriesForAsync(hits);
        Assert.Equal(1, graph.Requests);
        Assert.Equal(first, second);

        time.Advance(TimeSpan.FromSeconds(61));
        await graph.IndustriesForAsync(hits);
        Assert.Equal(2, graph.Requests);
    }

    [Fact]
    public async Task Wrong_credentials_are_reported_without_the_password()
    {
        using var graph = new Neo4jKnowledgeGraph(Options(password: "hunter2-wrong"));

        var error = await Assert.ThrowsAsync<KnowledgeGraphException>(async () => await graph.IssuersOfAsync("banks"));

        Assert.Contains("refused the credentials of user 'neo4j'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", graph.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_password_no_credentials_are_sent()
    {
        using var graph = new Neo4jKnowledgeGraph(new Neo4jGraphOptions(_server.Address) { User = "neo4j" });

        await Assert.ThrowsAsync<KnowledgeGraphException>(async () => await graph.IssuersOfAsync("banks"));

        Assert.Null(Assert.Single(_server.Requests).Authorization);
    }

    [Fact]
    public async Task An_unseeded_graph_says_to_seed_it()
    {
        using var graph = new Neo4jKnowledgeGraph(Options());

        var error = await Assert.ThrowsAsync<KnowledgeGraphException>(() => graph.CheckSeededAsync());

        Assert.Contains("streamrisk graph seed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_errors_and_unknown_databases_carry_neo4j_s_code()
    {
        using var wrongDb = new Neo4jKnowledgeGraph(Options() with { Database = "nope" });
        var notFound = await Assert.ThrowsAsync<KnowledgeGraphException>(async () => await wrongDb.IssuersOfAsync("banks"));
        Assert.Contains("Neo.ClientError.Database.DatabaseNotFound", notFound.Message, StringComparison.Ordinal);

        _server.FailWith = HttpStatusCode.ServiceUnavailable;
        using var graph = new Neo4jKnowledgeGraph(Options());
        var unavailable = await Assert.ThrowsAsync<KnowledgeGraphException>(async () => await graph.EffectsOfAsync(["strike"]));
        Assert.Contains("DatabaseUnavailable", unavailable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_named_in_the_error()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        using var graph = new Neo4jKnowledgeGraph(new Neo4jGraphOptions(new Uri($"http://127.0.0.1:{port}")) { User = "neo4j", Password = "x" });

        var error = await Assert.ThrowsAsync<KnowledgeGraphException>(async () => await graph.IssuersOfAsync("banks"));

        Assert.Contains($"Neo4j at http://127.0.0.1:{port}/ is unreachable", error.Message, StringComparison.Ordinal);
    }
}
