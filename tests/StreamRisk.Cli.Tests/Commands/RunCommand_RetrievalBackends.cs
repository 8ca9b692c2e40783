using System.Text.Json;
using StreamRisk.Tests.Shared;
using StreamRisk.Tests.Shared.Neo4j;
using StreamRisk.Tests.Shared.Qdrant;

namespace StreamRisk.Cli.Tests.Commands;

/// <summary>
/// <c>--vector-index qdrant</c> and <c>--graph neo4j</c> end to end against the in-process fakes: seeded by
/// <c>streamrisk index seed</c> / <c>graph seed</c> (idempotent), a run over them writes the same industry events as the
/// embedded defaults; bad values stop run, replay and worker with exit 2 before the store is created.
/// </summary>
public sealed class RunCommand_RetrievalBackends
{
    private static readonly string Input = RepositoryRoot.Of("data/samples/01-reuters.jsonl");

    private static Dictionary<string, string> Neo4jLogin(string password = "test-password") => new()
    {
        ["STREAMRISK_NEO4J_USER"] = "neo4j",
        ["STREAMRISK_NEO4J_PASSWORD"] = password,
    };

    private static List<(string Id, double Score, double Weight)> IndustryEvents(string outDir) =>
        File.ReadLines(Path.Combine(outDir, "sentiment.industry.v1.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (e.GetProperty("event_id").GetString()!, e.GetProperty("score").GetDouble(), e.GetProperty("weight").GetDouble())).ToList();

    [Fact]
    public async Task A_run_over_seeded_qdrant_and_neo4j_writes_the_industry_events_of_the_embedded_run()
    {
        await using var qdrant = await FakeQdrantServer.StartAsync();
        await using var neo4j = await FakeNeo4jServer.StartAsync();
        var dir = CliProcess.NewTempDirectory();

        for (var time = 0; time < 2; time++)
        {
            var index = CliProcess.Run("index", "seed", "--qdrant", qdrant.Address.ToString());
            Assert.True(index.ExitCode == 0, $"exit {index.ExitCode}: {index.Stderr}");
            Assert.Contains("123 topic vectors upserted, 123 held; 80 industry definitions and issuer descriptions upserted", index.Stdout);
            var graph = CliProcess.RunWith(Neo4jLogin(), "graph", "seed", "--neo4j", neo4j.Address.ToString());
            Assert.True(graph.ExitCode == 0, $"exit {graph.ExitCode}: {graph.Stderr}");
        }
        var collection = Assert.Single(qdrant.State.Collections);
        Assert.Equal(123 + 40 + 40, collection.Value.Points.Count);
        Assert.Equal(123, neo4j.Topics.Count);
        var affects = neo4j.Affects.Count;

        var embedded = CliProcess.Run("run", "--input", Input, "--db", Path.Combine(dir, "embedded.db"), "--out", Path.Combine(dir, "embedded"), "--quiet");
        var remote = CliProcess.RunWith(Neo4jLogin(), "run", "--input", Input, "--db", Path.Combine(dir, "remote.db"), "--out", Path.Combine(dir, "remote"), "--quiet",
            "--vector-index", "qdrant", "--qdrant", qdrant.Address.ToString(), "--graph", "neo4j", "--neo4j", neo4j.Address.ToString());

        Assert.True(embedded.ExitCode == 0, $"exit {embedded.ExitCode}: {embedded.Stderr}");
        Assert.True(remote.ExitCode == 0, $"exit {remote.ExitCode}: {remote.Stderr}");
        var expected = IndustryEvents(Path.Combine(dir, "embedded"));
        var actual = IndustryEvents(Path.Combine(dir, "remote"));
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(e => e.Id), actual.Select(e => e.Id));
        Assert.All(actual.Zip(expected), pair =>
        {
            Assert.Equal(pair.Second.Score, pair.First.Score, 5);
            Assert.Equal(pair.Second.Weight, pair.First.Weight, 5);
        });
        Assert.True(qdrant.State.Calls["Query"] > 0);
        Assert.True(neo4j.Requests.Count(r => r.Statement.Contains("RETURN t.id AS topic", StringComparison.Ordinal)) > 0);
        Assert.Equal(affects, neo4j.Affects.Count);
        // Spill-over along the bundled issuer relations: the graph answers it alike, so the daily index is the same.
        Assert.Equal(File.ReadLines(RepositoryRoot.Of("data/reference/issuer_relations.csv")).Count() - 1, neo4j.Relations.Count);
        var spilled = SpilloverScores(Path.Combine(dir, "embedded"));
        Assert.NotEmpty(spilled);
        Assert.Equal(spilled, SpilloverScores(Path.Combine(dir, "remote")));
    }

    private static List<(string Id, double Score)> SpilloverScores(string outDir) =>
        File.ReadLines(Path.Combine(outDir, "sentiment.daily.v1.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("spillover_score", out _))
            .Select(e => (e.GetProperty("event_id").GetString()!, Math.Round(e.GetProperty("spillover_score").GetDouble(), 9))).ToList();

    [Fact]
    public async Task Unseeded_backends_stop_the_run_with_exit_2_saying_to_seed()
    {
        await using var qdrant = await FakeQdrantServer.StartAsync();
        await using var neo4j = await FakeNeo4jServer.StartAsync();
        var dir = CliProcess.NewTempDirectory();

        var index = CliProcess.Run("run", "--input", Input, "--db", Path.Combine(dir, "a.db"), "--vector-index", "qdrant", "--qdrant", qdrant.Address.ToString());
        var graph = CliProcess.RunWith(Neo4jLogin(), "run", "--input", Input, "--db", Path.Combine(dir, "b.db"), "--graph", "neo4j", "--neo4j", neo4j.Address.ToString());

        Assert.Equal(2, index.ExitCode);
        Assert.Contains("streamrisk index seed", index.Stderr);
        Assert.Equal(2, graph.ExitCode);
        Assert.Contains("streamrisk graph seed", graph.Stderr);
    }

    [Fact]
    public async Task A_wrong_neo4j_password_is_exit_2_and_never_printed()
    {
        await using var neo4j = await FakeNeo4jServer.StartAsync();

        var (code, stdout, stderr) = CliProcess.RunWith(Neo4jLogin("s3cret-wrong"), "graph", "seed", "--neo4j", neo4j.Address.ToString());

        Assert.Equal(2, code);
        Assert.Contains("refused the credentials of user 'neo4j'", stderr);
        Assert.DoesNotContain("s3cret", stderr + stdout);
    }

    [Theory]
    [InlineData("--vector-index|pinecone", "'pinecone' is not a vector index")]
    [InlineData("--graph|memgraph", "'memgraph' is not a knowledge graph")]
    [InlineData("--vector-index|qdrant|--qdrant|localhost:6334", "--qdrant 'localhost:6334' is not a URL")]
    [InlineData("--graph|neo4j|--neo4j|ftp://graph", "--neo4j 'ftp://graph' is not a URL")]
    [InlineData("--qdrant|http://localhost:6334", "add --vector-index qdrant")]
    [InlineData("--graph|neo4j|--neo4j|http://neo4j:pw@localhost:7474", "must not carry credentials")]
    [InlineData("--spillover-decay|1.5", "--spillover-decay must be in [0, 1] (got 1.5)")]
    [InlineData("--spillover-hops|5", "--spillover-hops must be in 0..4 (got 5)")]
    public void A_bad_backend_is_exit_2_before_the_store_is_created(string options, string reason)
    {
        foreach (var command in new[] { new[] { "run", "--input", Input }, ["worker", "industry-sentiment"] })
        {
            var dir = CliProcess.NewTempDirectory();
            var db = Path.Combine(dir, "run.db");
            var (code, _, stderr) = CliProcess.Run([.. command, "--db", db, .. options.Split('|')]);
            Assert.True(code == 2, $"{command[0]}: exit {code}: {stderr}");
            Assert.Contains(reason, stderr);
            Assert.DoesNotContain("pw@", stderr);
            Assert.False(File.Exists(db), $"{command[0]}: the database was created before the backends were checked");
        }
    }

    [Fact]
    public void The_variables_choose_the_backend_and_are_checked_the_same_way()
    {
        var dir = CliProcess.NewTempDirectory();
        var (code, _, stderr) = CliProcess.RunWith(new Dictionary<string, string> { ["STREAMRISK_VECTOR_INDEX"] = "qdrant", ["STREAMRISK_QDRANT_URL"] = "not a url" },
            "run", "--input", Input, "--db", Path.Combine(dir, "run.db"));
        Assert.Equal(2, code);
        Assert.Contains("STREAMRISK_QDRANT_URL 'not a url' is not a URL", stderr);
    }

    [Fact]
    public void An_unreachable_qdrant_is_exit_2_naming_it()
    {
        var (code, _, stderr) = CliProcess.Run("index", "seed", "--qdrant", "http://127.0.0.1:1");
        Assert.Equal(2, code);
        Assert.Contains("Qdrant at http://127.0.0.1:1/ is unreachable", stderr);
    }
}
