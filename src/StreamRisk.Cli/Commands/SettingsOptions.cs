using System.CommandLine;
using StreamRisk.Pipeline.Hosting;

namespace StreamRisk.Cli.Commands;

/// <summary>
/// The bus and store options of the production commands. Each overrides its <c>STREAMRISK_*</c> variable, so a
/// deployment sets variables and a person at a terminal passes options.
/// </summary>
internal sealed class SettingsOptions
{
    public Option<string?> Bus { get; } = new("--bus") { Description = $"embedded or kafka (default: ${PipelineSettings.BusVariable}, else embedded)." };
    public Option<string?> KafkaBootstrap { get; } = new("--kafka-bootstrap") { Description = $"Kafka brokers host:port[,host:port] (default: ${PipelineSettings.KafkaBootstrapVariable})." };
    public Option<string?> KafkaGroupProtocol { get; } = new("--kafka-group-protocol") { Description = $"classic (any broker) or consumer (KIP-848, Kafka >= 4.0; faster rebalances) (default: ${PipelineSettings.KafkaGroupProtocolVariable}, else classic)." };
    public Option<string?> Store { get; } = new("--store") { Description = $"sqlite or postgres (default: ${PipelineSettings.StoreVariable}, else sqlite)." };
    public Option<string?> Db { get; } = new("--db") { Description = $"SQLite database file (default: ${PipelineSettings.SqlitePathVariable}, else {PipelineSettings.DefaultSqlitePath}); a file that is not a StreamRisk store, or is from a newer StreamRisk, is refused with exit 2." };
    public Option<string?> Postgres { get; } = new("--postgres") { Description = $"PostgreSQL connection string (default: ${PipelineSettings.PostgresVariable})." };

    public void AddTo(Command command, bool withBus = true, bool withStore = true)
    {
        if (withBus)
        {
            command.Options.Add(Bus);
            command.Options.Add(KafkaBootstrap);
            command.Options.Add(KafkaGroupProtocol);
        }
        if (withStore)
        {
            command.Options.Add(Store);
            command.Options.Add(Db);
            command.Options.Add(Postgres);
        }
    }

    public PipelineSettings Read(ParseResult result)
    {
        var settings = PipelineSettings.FromProcessEnvironment();
        if (result.GetValue(Bus) is { } bus) settings = settings with { Bus = PipelineSettings.ParseBus(bus, "--bus") };
        if (result.GetValue(KafkaBootstrap) is { } bootstrap) settings = settings with { KafkaBootstrap = bootstrap };
        if (result.GetValue(KafkaGroupProtocol) is { } protocol) settings = settings with { KafkaGroupProtocol = PipelineSettings.ParseGroupProtocol(protocol, "--kafka-group-protocol") };
        if (result.GetValue(Store) is { } store) settings = settings with { Store = PipelineSettings.ParseStore(store, "--store") };
        if (result.GetValue(Db) is { } db) settings = settings with { SqlitePath = db };
        if (result.GetValue(Postgres) is { } postgres) settings = settings with { PostgresConnection = postgres };
        return settings;
    }
}
