using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Hosting;

/// <summary>
/// Where a production run's bus and store are: read from <c>STREAMRISK_*</c> environment variables, overridden by
/// command-line options, and checked before anything connects, with messages that name the variable or option to set.
/// </summary>
public sealed record PipelineSettings
{
    public const string BusVariable = "STREAMRISK_BUS";
    public const string KafkaBootstrapVariable = "STREAMRISK_KAFKA_BOOTSTRAP";
    public const string StoreVariable = "STREAMRISK_STORE";
    public const string SqlitePathVariable = "STREAMRISK_SQLITE_PATH";
    public const string PostgresVariable = "STREAMRISK_POSTGRES";
    public const string KafkaGroupProtocolVariable = "STREAMRISK_KAFKA_GROUP_PROTOCOL";

    /// <summary>Every variable this record reads; deployment files must use no other <c>STREAMRISK_*</c> name.</summary>
    public static readonly IReadOnlyList<string> Variables =
        [BusVariable, KafkaBootstrapVariable, StoreVariable, SqlitePathVariable, PostgresVariable, KafkaGroupProtocolVariable];

    /// <summary>The SQLite file used when <c>STREAMRISK_SQLITE_PATH</c> is not set (relative to the working folder).</summary>
    public const string DefaultSqlitePath = "streamrisk.db";

    public BusKind Bus { get; init; } = BusKind.Embedded;
    public string? KafkaBootstrap { get; init; }
    public StoreKind Store { get; init; } = StoreKind.Sqlite;
    public string SqlitePath { get; init; } = DefaultSqlitePath;
    public string? PostgresConnection { get; init; }

    /// <summary>Kafka's consumer group protocol: classic (every broker) or consumer (KIP-848, Kafka ≥ 4.0), whose
    /// rebalances move only the partitions that change hands, so a stage rebuilt after a failure is back in
    /// milliseconds instead of after a group-wide rebalance.</summary>
    public Confluent.Kafka.GroupProtocol KafkaGroupProtocol { get; init; } = Confluent.Kafka.GroupProtocol.Classic;

    /// <summary>Reads the variables through <paramref name="variable"/> (<see cref="Environment.GetEnvironmentVariable(string)"/>
    /// in the program; a dictionary in tests). Unset or empty variables keep the defaults: embedded bus, SQLite.</summary>
    /// <exception cref="ConfigurationException">A variable holds a value that is not allowed.</exception>
    public static PipelineSettings FromEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var settings = new PipelineSettings();
        if (Value(variable, BusVariable) is { } bus)
        {
            settings = settings with { Bus = ParseBus(bus, BusVariable) };
        }
        if (Value(variable, StoreVariable) is { } store)
        {
            settings = settings with { Store = ParseStore(store, StoreVariable) };
        }
        if (Value(variable, KafkaGroupProtocolVariable) is { } protocol)
        {
            settings = settings with { KafkaGroupProtocol = ParseGroupProtocol(protocol, KafkaGroupProtocolVariable) };
        }
        return settings with
        {
            KafkaBootstrap = Value(variable, KafkaBootstrapVariable),
            SqlitePath = Value(variable, SqlitePathVariable) ?? DefaultSqlitePath,
            PostgresConnection = Value(variable, PostgresVariable),
        };
    }

    public static PipelineSettings FromProcessEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    public static BusKind ParseBus(string text, string source) => text.Trim().ToLowerInvariant() switch
    {
        "embedded" => BusKind.Embedded,
        "kafka" => BusKind.Kafka,
        _ => throw new ConfigurationException($"{source}='{text}' is not a bus: set it to embedded or kafka"),
    };

    public static Confluent.Kafka.GroupProtocol ParseGroupProtocol(string text, string source) => text.Trim().ToLowerInvariant() switch
    {
        "classic" => Confluent.Kafka.GroupProtocol.Classic,
        "consumer" => Confluent.Kafka.GroupProtocol.Consumer,
        _ => throw new ConfigurationException($"{source}='{text}' is not a group protocol: set it to classic (any broker) or consumer (KIP-848, Kafka 4.0 or later)"),
    };

    public static StoreKind ParseStore(string text, string source) => text.Trim().ToLowerInvariant() switch
    {
        "sqlite" => StoreKind.Sqlite,
        "postgres" or "postgresql" => StoreKind.Postgres,
        _ => throw new ConfigurationException($"{source}='{text}' is not a store: set it to sqlite or postgres"),
    };

    /// <summary>What is missing or inconsistent, one message per problem (empty: the settings can be used).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Bus == BusKind.Kafka && string.IsNullOrWhiteSpace(KafkaBootstrap))
        {
            problems.Add($"the Kafka bus needs its brokers: set {KafkaBootstrapVariable} (or --kafka-bootstrap) to host:port[,host:port]");
        }
        else if (Bus == BusKind.Kafka && !AreHostPorts(KafkaBootstrap!))
        {
            problems.Add($"{KafkaBootstrapVariable}='{KafkaBootstrap}' is not a host:port list (e.g. kafka:9092,kafka2:9092)");
        }
        if (Store == StoreKind.Postgres && string.IsNullOrWhiteSpace(PostgresConnection))
        {
            problems.Add($"the postgres store needs a connection string: set {PostgresVariable} (or --postgres), e.g. Host=db;Port=5432;Username=streamrisk;Password=...;Database=streamrisk");
        }
        if (Store == StoreKind.Sqlite && string.IsNullOrWhiteSpace(SqlitePath))
        {
            problems.Add($"the sqlite store needs a file: set {SqlitePathVariable} (or --db)");
        }
        return problems;
    }

    /// <exception cref="ConfigurationException">Listing every problem.</exception>
    public PipelineSettings Validated()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ConfigurationException(string.Join("; ", problems));
        }
        return this;
    }

    /// <summary>Where the store is, for logs: never the Postgres password.</summary>
    public string DescribeStore() => Store == StoreKind.Sqlite
        ? $"sqlite {Path.GetFullPath(SqlitePath)}"
        : "postgres " + string.Join(';', (PostgresConnection ?? "").Split(';')
            .Where(p => !p.TrimStart().StartsWith("password", StringComparison.OrdinalIgnoreCase)));

    private static string? Value(Func<string, string?> variable, string name) =>
        variable(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private static bool AreHostPorts(string list)
    {
        foreach (var entry in list.Split(',', StringSplitOptions.TrimEntries))
        {
            var colon = entry.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(entry.AsSpan(colon + 1), out var port) || port is < 1 or > 65535)
            {
                return false;
            }
        }
        return true;
    }
}
