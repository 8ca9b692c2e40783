using System.Globalization;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using StreamRisk.Core.Bus;

namespace StreamRisk.Infrastructure.Kafka;

/// <summary>Creates topics on a real cluster through the Admin API, with the catalog's retention where it names the topic.</summary>
public sealed class AdminClientTopicCreator : IKafkaTopicCreator, IDisposable
{
    private readonly IAdminClient admin;
    private readonly KafkaBusOptions options;
    private readonly KafkaTopicCatalog? catalog;

    public AdminClientTopicCreator(KafkaBusOptions options, KafkaTopicCatalog? catalog = null)
    {
        this.options = options;
        this.catalog = catalog;
        admin = new AdminClientBuilder(KafkaClientConfigs.Admin(options)).Build();
    }

    public async Task EnsureTopicAsync(TopicSpec topic, CancellationToken cancellationToken = default)
    {
        var specification = new TopicSpecification
        {
            Name = topic.Name,
            NumPartitions = topic.Partitions,
            ReplicationFactor = options.ReplicationFactor,
        };
        if (catalog?.Find(topic.Name) is { } known)
        {
            specification.Configs = new Dictionary<string, string>
            {
                ["retention.ms"] = known.RetentionMs.ToString(CultureInfo.InvariantCulture),
            };
        }
        try
        {
            await admin.CreateTopicsAsync(
                [specification],
                new CreateTopicsOptions { RequestTimeout = options.RequestTimeout, OperationTimeout = options.RequestTimeout })
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CreateTopicsException e) when (e.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
            // Already there: it keeps its partitions, as the contract says.
        }
    }

    public void Dispose() => admin.Dispose();
}
