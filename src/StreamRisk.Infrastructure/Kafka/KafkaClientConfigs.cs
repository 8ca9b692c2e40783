using Confluent.Kafka;

namespace StreamRisk.Infrastructure.Kafka;

/// <summary>Turns <see cref="KafkaBusOptions"/> into librdkafka client configurations.</summary>
public static class KafkaClientConfigs
{
    public static ProducerConfig Producer(KafkaBusOptions options)
    {
        var config = new ProducerConfig
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = options.ClientId,
            // Idempotence gives acks=all and no duplicates or reordering from the producer's own retries.
            EnableIdempotence = true,
            Acks = Acks.All,
            MaxInFlight = 5,
            // Same partition numbers as KeyPartitioner, so the embedded bus and Kafka place one key alike.
            Partitioner = Partitioner.Murmur2Random,
            LingerMs = options.Linger.TotalMilliseconds,
        };
        return Apply(config, options);
    }

    /// <summary>
    /// Offsets are committed only by <see cref="StreamRisk.Core.Bus.IEventConsumer.CommitAsync"/>, never automatically:
    /// a stage commits once its effects are durable, which is what makes delivery at-least-once.
    /// </summary>
    public static ConsumerConfig Consumer(KafkaBusOptions options, string groupId)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = options.ClientId,
            GroupId = groupId,
            GroupProtocol = options.GroupProtocol,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnablePartitionEof = false,
            AllowAutoCreateTopics = false,
        };
        if (options.GroupProtocol == GroupProtocol.Classic)
        {
            config.SessionTimeoutMs = (int)options.SessionTimeout.TotalMilliseconds;
            config.HeartbeatIntervalMs = (int)options.HeartbeatInterval.TotalMilliseconds;
            // Cooperative: a member joining or leaving moves only the partitions that change owner.
            config.PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky;
        }
        return Apply(config, options);
    }

    public static AdminClientConfig Admin(KafkaBusOptions options) =>
        Apply(new AdminClientConfig { BootstrapServers = options.BootstrapServers, ClientId = options.ClientId }, options);

    private static T Apply<T>(T config, KafkaBusOptions options) where T : ClientConfig
    {
        foreach (var (name, value) in options.Extra)
        {
            config.Set(name, value);
        }
        return config;
    }
}
