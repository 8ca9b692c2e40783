using System.CommandLine;
using StreamRisk.Infrastructure.Graph;
using StreamRisk.Infrastructure.Qdrant;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary>
/// Where topic retrieval searches and where the knowledge graph lives (run, replay, worker): <c>--vector-index</c>,
/// <c>--qdrant</c>, <c>--graph</c>, <c>--neo4j</c>. Keys and passwords are environment variables only.
/// </summary>
internal sealed class RetrievalCommandOptions
{
    private readonly Option<string?> _vectorIndex = new("--vector-index")
    {
        Description = $"Where topic retrieval searches: embedded (exact cosine index in process) or qdrant (seeded first by streamrisk index seed). Default: ${RetrievalBackends.VectorIndexVariable}, else embedded.",
    };
    private readonly Option<string?> _graph = new("--graph")
    {
        Description = $"Where the topic→industry→issuer graph lives: embedded (from the reference data) or neo4j (seeded first by streamrisk graph seed). Default: ${RetrievalBackends.GraphVariable}, else embedded.",
    };

    public static Option<string?> QdrantOption() => new("--qdrant")
    {
        Description = $"Qdrant's gRPC address, e.g. {RetrievalBackends.DefaultQdrantUrl}. Default: ${QdrantIndexOptions.UrlVariable}, else {RetrievalBackends.DefaultQdrantUrl}; API key from ${QdrantIndexOptions.ApiKeyVariable}.",
    };

    public static Option<string?> Neo4jOption() => new("--neo4j")
    {
        Description = $"Neo4j's HTTP address (Query API), e.g. {RetrievalBackends.DefaultNeo4jUrl}. Default: ${Neo4jGraphOptions.UrlVariable}, else {RetrievalBackends.DefaultNeo4jUrl}; "
            + $"user and password from ${Neo4jGraphOptions.UserVariable} and ${Neo4jGraphOptions.PasswordVariable}, database from ${Neo4jGraphOptions.DatabaseVariable} (neo4j).",
    };

    private readonly Option<string?> _qdrant = QdrantOption();
    private readonly Option<string?> _neo4j = Neo4jOption();

    public IEnumerable<Option> All => [_vectorIndex, _qdrant, _graph, _neo4j];

    public ModelOptions Read(ParseResult result, ModelOptions models) => models with
    {
        VectorIndex = result.GetValue(_vectorIndex),
        QdrantUrl = result.GetValue(_qdrant),
        Graph = result.GetValue(_graph),
        Neo4jUrl = result.GetValue(_neo4j),
    };
}
