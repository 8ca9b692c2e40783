using FsCheck;
using FsCheck.Xunit;
using StreamRisk.Core.Bus;
using StreamRisk.Infrastructure.Kafka;

namespace StreamRisk.Infrastructure.Tests.Kafka;

public sealed class KafkaCommitOffsets_After
{
    [Property]
    public bool Each_partition_commits_one_past_its_highest_processed_offset((bool OtherTopic, byte Partition, NonNegativeInt Offset)[] processed)
    {
        var messages = processed
            .Select(p => new ConsumedMessage(p.OtherTopic ? "b" : "a", p.Partition % 5, p.Offset.Get, "k", [], new Dictionary<string, string>(), default))
            .ToList();

        var offsets = KafkaCommitOffsets.After(messages);

        var expected = messages.GroupBy(m => (m.Topic, m.Partition)).ToDictionary(g => g.Key, g => g.Max(m => m.Offset) + 1);
        return offsets.Count == expected.Count
            && offsets.All(o => expected[(o.Topic, o.Partition.Value)] == o.Offset.Value);
    }
}
