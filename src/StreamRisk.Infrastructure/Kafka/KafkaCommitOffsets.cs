using Confluent.Kafka;
using StreamRisk.Core.Bus;

namespace StreamRisk.Infrastructure.Kafka;

/// <summary>The offsets to commit for a processed batch: per partition, one past the highest processed offset.</summary>
public static class KafkaCommitOffsets
{
    public static List<TopicPartitionOffset> After(IReadOnlyList<ConsumedMessage> processed)
    {
        var next = new Dictionary<TopicPartition, long>();
        foreach (var message in processed)
        {
            var partition = new TopicPartition(message.Topic, new Partition(message.Partition));
            if (!next.TryGetValue(partition, out var current) || message.Offset + 1 > current)
            {
                next[partition] = message.Offset + 1;
            }
        }
        var offsets = new List<TopicPartitionOffset>(next.Count);
        foreach (var (partition, offset) in next)
        {
            offsets.Add(new TopicPartitionOffset(partition, new Offset(offset)));
        }
        return offsets;
    }
}
