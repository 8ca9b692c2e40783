namespace StreamRisk.Infrastructure.Graph;

/// <summary>
/// Where Neo4j's HTTP Query API listens (http://host:7474) and how to log in: from <c>--neo4j</c> or the
/// STREAMRISK_NEO4J_* variables. The password is only ever read from the environment and is never logged or printed.
/// </summary>
public sealed record Neo4jGraphOptions(Uri Address)
{
    public const string UrlVariable = "STREAMRISK_NEO4J_URL";
    public const string UserVariable = "STREAMRISK_NEO4J_USER";
    public const string PasswordVariable = "STREAMRISK_NEO4J_PASSWORD";
    public const string DatabaseVariable = "STREAMRISK_NEO4J_DATABASE";

    public string Database { get; init; } = "neo4j";

    public string? User { get; init; }

    public string? Password { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a topic's AFFECTS edges are reused before they are asked again (zero: every text asks).</summary>
    public TimeSpan CacheFor { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The address, user and database, never the password.</summary>
    public override string ToString() => $"{Address} (database {Database}{(User is null ? "" : $", user {User}")})";
}
