using StreamRisk.Infrastructure.Graph;
using StreamRisk.Infrastructure.Qdrant;

namespace StreamRisk.Pipeline.Running;

public enum VectorIndexKind { Embedded, Qdrant }

public enum GraphKind { Embedded, Neo4j }

/// <summary>
/// Where topic retrieval searches (embedded exact index, or Qdrant) and where the topic→industry→issuer graph lives
/// (embedded, or Neo4j): parsed and checked from the options and STREAMRISK_* variables before anything connects.
/// Secrets (Qdrant API key, Neo4j password) come only from the environment.
/// </summary>
public sealed record RetrievalBackends
{
    public const string VectorIndexVariable = "STREAMRISK_VECTOR_INDEX";
    public const string GraphVariable = "STREAMRISK_GRAPH";
    public const string DefaultQdrantUrl = "http://localhost:6334";
    public const string DefaultNeo4jUrl = "http://localhost:7474";

    public static RetrievalBackends Embedded { get; } = new();

    /// <summary>Every variable read here (docker-compose.yml is checked against this list).</summary>
    public static readonly IReadOnlyList<string> Variables =
    [
        VectorIndexVariable, QdrantIndexOptions.UrlVariable, QdrantIndexOptions.ApiKeyVariable, GraphVariable,
        Neo4jGraphOptions.UrlVariable, Neo4jGraphOptions.UserVariable, Neo4jGraphOptions.PasswordVariable, Neo4jGraphOptions.DatabaseVariable,
    ];

    public VectorIndexKind VectorIndex { get; init; }

    /// <summary>Set when <see cref="VectorIndex"/> is Qdrant.</summary>
    public QdrantIndexOptions? Qdrant { get; init; }

    public GraphKind Graph { get; init; }

    /// <summary>Set when <see cref="Graph"/> is Neo4j.</summary>
    public Neo4jGraphOptions? Neo4j { get; init; }

    /// <summary>The backends <paramref name="options"/> name, with the process environment for what the options leave out.</summary>
    /// <exception cref="ConfigurationException">An unknown backend, a malformed URL, a URL for a backend not chosen, or
    /// spill-over options out of range.</exception>
    public static RetrievalBackends From(ModelOptions options, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var env = environment ?? Environment.GetEnvironmentVariable;
        var index = (options.VectorIndex ?? Value(env, VectorIndexVariable) ?? "embedded").Trim().ToLowerInvariant() switch
        {
            "embedded" => VectorIndexKind.Embedded,
            "qdrant" => VectorIndexKind.Qdrant,
            var other => throw new ConfigurationException(
                $"{(options.VectorIndex is null ? VectorIndexVariable : "--vector-index")} '{other}' is not a vector index: use embedded or qdrant"),
        };
        var graph = (options.Graph ?? Value(env, GraphVariable) ?? "embedded").Trim().ToLowerInvariant() switch
        {
            "embedded" => GraphKind.Embedded,
            "neo4j" => GraphKind.Neo4j,
            var other => throw new ConfigurationException(
                $"{(options.Graph is null ? GraphVariable : "--graph")} '{other}' is not a knowledge graph: use embedded or neo4j"),
        };
        if (options.Spillover.Problem() is { } spillover)
        {
            throw new ConfigurationException(spillover);
        }
        if (options.QdrantUrl is not null && index != VectorIndexKind.Qdrant)
        {
            throw new ConfigurationException("--qdrant is given but the vector index is embedded: add --vector-index qdrant");
        }
        if (options.Neo4jUrl is not null && graph != GraphKind.Neo4j)
        {
            throw new ConfigurationException("--neo4j is given but the graph is embedded: add --graph neo4j");
        }
        return new RetrievalBackends
        {
            VectorIndex = index,
            Qdrant = index == VectorIndexKind.Qdrant
                ? new QdrantIndexOptions(Url(options.QdrantUrl, "--qdrant", env, QdrantIndexOptions.UrlVariable, DefaultQdrantUrl))
                {
                    ApiKey = Value(env, QdrantIndexOptions.ApiKeyVariable),
                }
                : null,
            Graph = graph,
            Neo4j = graph == GraphKind.Neo4j
                ? new Neo4jGraphOptions(Url(options.Neo4jUrl, "--neo4j", env, Neo4jGraphOptions.UrlVariable, DefaultNeo4jUrl))
                {
                    User = Value(env, Neo4jGraphOptions.UserVariable) ?? "neo4j",
                    Password = Value(env, Neo4jGraphOptions.PasswordVariable),
                    Database = Value(env, Neo4jGraphOptions.DatabaseVariable) ?? "neo4j",
                }
                : null,
        };
    }

    /// <summary>For the run summary and logs: never a key or password.</summary>
    public string Describe() =>
        $"vector index {(Qdrant is null ? "embedded" : $"qdrant {Qdrant.Address}")}; graph {(Neo4j is null ? "embedded" : $"neo4j {Neo4j}")}";

    private static string? Value(Func<string, string?> env, string name) => env(name) is { Length: > 0 } value ? value : null;

    private static Uri Url(string? option, string optionName, Func<string, string?> env, string variable, string fallback)
    {
        var (text, source) = option is not null ? (option, optionName) : Value(env, variable) is { } fromEnv ? (fromEnv, variable) : (fallback, "default");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            throw new ConfigurationException($"{source} '{text}' is not a URL: give http://HOST:PORT (e.g. {fallback})");
        }
        if (uri.UserInfo.Length > 0)
        {
            // A password in a URL would be printed with it.
            throw new ConfigurationException($"{source} must not carry credentials: use {QdrantIndexOptions.ApiKeyVariable} / {Neo4jGraphOptions.UserVariable} and {Neo4jGraphOptions.PasswordVariable}");
        }
        return uri;
    }
}
