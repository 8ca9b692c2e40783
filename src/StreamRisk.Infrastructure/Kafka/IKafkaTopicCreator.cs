using StreamRisk.Core.Bus;

namespace StreamRisk.Infrastructure.Kafka;

/// <summary>
/// Creates topics for <see cref="KafkaEventBus"/>. Pluggable because real clusters take the Admin API
/// (<see cref="AdminClientTopicCreator"/>) while librdkafka's mock cluster only creates topics through its own API.
/// </summary>
public interface IKafkaTopicCreator
{
    /// <summary>Creates the topic if it is missing; an existing topic keeps its partitions.</summary>
    Task EnsureTopicAsync(TopicSpec topic, CancellationToken cancellationToken = default);
}
