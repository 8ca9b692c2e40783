using StreamRisk.Core.Bus;

namespace StreamRisk.Infrastructure.Kafka;

/// <summary>One topic of <c>infra/kafka/topics.json</c>.</summary>
/// <param name="RetentionMs">Kafka's <c>retention.ms</c>; -1 keeps messages forever.</param>
public sealed record KafkaTopicDefinition(string Name, int Partitions, long RetentionMs)
{
    public TopicSpec ToSpec() => new(Name, Partitions);
}
