using System.CommandLine;
using StreamRisk.Core.Graph;
using StreamRisk.Infrastructure.Graph;
using StreamRisk.Infrastructure.Qdrant;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary>
/// Where topic retrieval searches and where the knowledge graph lives (run, replay, worker): <c>--vector-index</c>,
/// <c>--qdrant</c>, <c>--graph</c>, <c>--neo4j</c>, and how far shocks spill over along the graph's issuer relations
/// (<c>--spillover-decay</c>, <c>--spillover-hops</c>). Keys and passwords are environment variables only.
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

    public static Option<double> SpilloverDecayOption() => new("--spillover-decay")
    {
        Description = "Share of a shock kept per hop when it spills over from an issuer to related issuers (issuer_relations.csv): "
            + $"a related issuer h hops away gets the relation weights' product × decay^h of the issuer's own firm + meso value. In [0, 1]; 0 turns spill-over off. Default: {SpilloverOptions.Default.Decay}.",
        DefaultValueFactory = _ => SpilloverOptions.Default.Decay,
    };

    public static Option<int> SpilloverHopsOption() => new("--spillover-hops")
    {
        Description = $"Most relations a spill-over crosses, 0..{SpilloverOptions.HopsLimit}; 0 turns it off. Default: {SpilloverOptions.Default.MaxHops}.",
        DefaultValueFactory = _ => SpilloverOptions.Default.MaxHops,
    };

    private readonly Option<double> _spilloverDecay = SpilloverDecayOption();
    private readonly Option<int> _spilloverHops = SpilloverHopsOption();
    private readonly Option<string?> _qdrant = QdrantOption();
    private readonly Option<string?> _neo4j = Neo4jOption();

    public IEnumerable<Option> All => [_vectorIndex, _qdrant, _graph, _neo4j, _spilloverDecay, _spilloverHops];

    public ModelOptions Read(ParseResult result, ModelOptions models) => models with
    {
        VectorIndex = result.GetValue(_vectorIndex),
        QdrantUrl = result.GetValue(_qdrant),
        Graph = result.GetValue(_graph),
        Neo4jUrl = result.GetValue(_neo4j),
        Spillover = new SpilloverOptions(result.GetValue(_spilloverDecay), result.GetValue(_spilloverHops)),
    };
}
