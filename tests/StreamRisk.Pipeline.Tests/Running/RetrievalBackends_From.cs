using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Running;

/// <summary>How the vector-index and graph backends are chosen from options and variables, and checked before anything connects.</summary>
public class RetrievalBackends_From
{
    private static RetrievalBackends From(ModelOptions options, params (string Name, string Value)[] variables)
    {
        var env = variables.ToDictionary(v => v.Name, v => v.Value);
        return RetrievalBackends.From(options, name => env.GetValueOrDefault(name));
    }

    [Fact]
    public void Nothing_configured_is_the_embedded_index_and_graph()
    {
        var backends = From(new ModelOptions());

        Assert.Equal(VectorIndexKind.Embedded, backends.VectorIndex);
        Assert.Equal(GraphKind.Embedded, backends.Graph);
        Assert.Null(backends.Qdrant);
        Assert.Null(backends.Neo4j);
    }

    [Fact]
    public void Options_win_over_variables_and_defaults_fill_the_rest()
    {
        var backends = From(new ModelOptions { VectorIndex = "Qdrant", Graph = "neo4j", Neo4jUrl = "http://graph:7474" },
            ("STREAMRISK_VECTOR_INDEX", "embedded"), ("STREAMRISK_NEO4J_URL", "http://ignored:1"), ("STREAMRISK_NEO4J_PASSWORD", "pw-123"),
            ("STREAMRISK_QDRANT_API_KEY", "key-456"));

        Assert.Equal(new Uri(RetrievalBackends.DefaultQdrantUrl), backends.Qdrant!.Address);
        Assert.Equal("key-456", backends.Qdrant.ApiKey);
        Assert.Equal(new Uri("http://graph:7474"), backends.Neo4j!.Address);
        Assert.Equal(("neo4j", "pw-123", "neo4j"), (backends.Neo4j.User, backends.Neo4j.Password, backends.Neo4j.Database));
        Assert.DoesNotContain("pw-123", backends.Describe(), StringComparison.Ordinal);
        Assert.DoesNotContain("key-456", backends.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Variables_alone_choose_the_backends()
    {
        var backends = From(new ModelOptions(), ("STREAMRISK_VECTOR_INDEX", "qdrant"), ("STREAMRISK_QDRANT_URL", "https://q.example:6334"),
            ("STREAMRISK_GRAPH", "neo4j"), ("STREAMRISK_NEO4J_USER", "reader"), ("STREAMRISK_NEO4J_DATABASE", "risk"));

        Assert.Equal(new Uri("https://q.example:6334"), backends.Qdrant!.Address);
        Assert.Equal(("reader", null, "risk"), (backends.Neo4j!.User, backends.Neo4j.Password, backends.Neo4j.Database));
    }

    [Theory]
    [InlineData("faiss", null, null, null, "--vector-index 'faiss' is not a vector index")]
    [InlineData(null, null, "arangodb", null, "--graph 'arangodb' is not a knowledge graph")]
    [InlineData("qdrant", "qdrant:6334", null, null, "--qdrant 'qdrant:6334' is not a URL")]
    [InlineData(null, null, "neo4j", "bolt://neo4j:7687", "--neo4j 'bolt://neo4j:7687' is not a URL")]
    [InlineData(null, "http://q:6334", null, null, "add --vector-index qdrant")]
    [InlineData(null, null, null, "http://n:7474", "add --graph neo4j")]
    [InlineData(null, null, "neo4j", "http://u:secret@n:7474", "must not carry credentials")]
    public void Bad_values_are_configuration_errors_naming_the_option(string? index, string? qdrant, string? graph, string? neo4j, string message)
    {
        var error = Assert.Throws<ConfigurationException>(() =>
            From(new ModelOptions { VectorIndex = index, QdrantUrl = qdrant, Graph = graph, Neo4jUrl = neo4j }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }
}
