using System.Text;
using StreamRisk.Core.Bus;
using StreamRisk.Tests.Shared.Kafka;
using StreamRisk.Core.Events;

namespace StreamRisk.Infrastructure.Tests.Kafka;

/// <summary>librdkafka's murmur2_random partitioner and <see cref="KeyPartitioner"/> agree, so a key lands on the same
/// partition number in Kafka and in the embedded bus.</summary>
public sealed class KafkaEventProducer_Partitioning(MockKafkaCluster cluster) : IClassFixture<MockKafkaCluster>
{
    [Fact]
    public async Task Every_key_lands_where_KeyPartitioner_puts_it()
    {
        var topic = cluster.Catalog.Find(Topics.FirmSentiment)!;
        await using var bus = cluster.CreateBus();
        await using var producer = bus.CreateProducer();
        var random = new Random(20240301);
        var keys = new List<string> { "a", "ab", "abc", "abcd", "abcde", "émetteur-ß", "发行人-42", new string('x', 300) };
        keys.AddRange(Enumerable.Range(0, 300).Select(i => $"ISS{i:00000}"));
        keys.AddRange(Enumerable.Range(0, 100).Select(_ => RandomKey(random)));

        foreach (var key in keys)
        {
            var report = await producer.ProduceAsync(topic.Name, new BusMessage(key, Encoding.UTF8.GetBytes(key)));

            Assert.Equal(KeyPartitioner.PartitionFor(key, topic.Partitions), report.Partition);
        }
    }

    private static string RandomKey(Random random)
    {
        var chars = new char[random.Next(1, 40)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)random.Next(0x20, 0x2FFF);
        }
        return new string(chars);
    }
}
