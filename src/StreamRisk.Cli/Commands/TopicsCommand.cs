using System.CommandLine;
using StreamRisk.Infrastructure.Kafka;
using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary><c>streamrisk topics apply</c>: creates the topics of infra/kafka/topics.json on a Kafka cluster.</summary>
internal static class TopicsCommand
{
    public static Command Create()
    {
        var bootstrap = new Option<string?>("--kafka-bootstrap") { Description = $"Kafka brokers host:port[,host:port] (default: ${PipelineSettings.KafkaBootstrapVariable})." };
        var file = new Option<string?>("--file") { Description = "Topic catalog (JSON like infra/kafka/topics.json). Default: the one built into the program." };
        var replication = new Option<short>("--replication-factor") { Description = "Replicas per partition; -1 takes the broker's default.", DefaultValueFactory = _ => -1 };
        var apply = new Command("apply", "Create every topic of the catalog that the cluster lacks (existing topics keep their partitions).")
        {
            bootstrap, file, replication,
        };
        apply.SetAction((result, cancellationToken) => CommandErrors.GuardAsync("topics apply", async () =>
        {
            // Only the bus matters here: the store is pinned to the default so that its variables cannot fail this command.
            var settings = PipelineSettings.FromProcessEnvironment() with
            {
                Bus = BusKind.Kafka, Store = StoreKind.Sqlite, SqlitePath = PipelineSettings.DefaultSqlitePath,
            };
            if (result.GetValue(bootstrap) is { } b)
            {
                settings = settings with { KafkaBootstrap = b };
            }
            settings.Validated();
            var path = result.GetValue(file);
            if (path is not null && !File.Exists(path))
            {
                throw new ConfigurationException($"--file '{path}' does not exist (a JSON topic catalog like infra/kafka/topics.json)");
            }
            KafkaTopicCatalog catalog;
            try
            {
                catalog = path is null ? KafkaTopicCatalog.LoadEmbedded() : KafkaTopicCatalog.LoadFile(path);
            }
            catch (InvalidDataException ex)
            {
                throw new ConfigurationException($"--file '{path}': {ex.Message}", ex);
            }
            var options = EventBusFactory.KafkaOptions(settings) with { ReplicationFactor = result.GetValue(replication) };
            using var creator = new AdminClientTopicCreator(options, catalog);
            foreach (var topic in catalog.Topics)
            {
                await creator.EnsureTopicAsync(topic.ToSpec(), cancellationToken);
                Console.WriteLine($"{topic.Name}: {topic.Partitions} partitions, retention.ms {topic.RetentionMs}");
            }
            return 0;
        }));
        return new Command("topics", "Kafka topic administration.") { apply };
    }
}
