using System.Diagnostics;
using System.Text;
using StreamRisk.Core.Bus;
using StreamRisk.Tests.Shared.Kafka;

namespace StreamRisk.Infrastructure.Tests.Kafka;

/// <summary>
/// A worker that commits after its effects and then dies (no commit of its last batch) loses nothing: a new process —
/// a new bus, a new member of the same group — resumes at the committed offsets and re-reads only the uncommitted batch.
/// </summary>
public sealed class KafkaConsumer_RestartResumes(MockKafkaCluster cluster) : IClassFixture<MockKafkaCluster>
{
    private const int Messages = 400;

    [Fact]
    public async Task A_restarted_worker_resumes_after_the_committed_offsets_and_loses_nothing()
    {
        var topic = $"restart-{Guid.NewGuid():N}";
        var group = $"workers-{Guid.NewGuid():N}";
        cluster.CreateTopic(new TopicSpec(topic, 6));
        await using (var bus = cluster.CreateBus())
        await using (var producer = bus.CreateProducer())
        {
            for (var i = 0; i < Messages; i++)
            {
                await producer.ProduceAsync(topic, new BusMessage($"issuer-{i % 37}", Encoding.UTF8.GetBytes(i.ToString())));
            }
            await producer.FlushAsync();
        }

        var effects = new List<int>();
        IReadOnlyList<ConsumedMessage> uncommitted;
        await using (var bus = cluster.CreateBus())
        {
            var consumer = bus.CreateConsumer(group, [topic]);
            await ReadAsync(consumer, effects, until: Messages / 2);
            uncommitted = await NextBatchAsync(consumer);
            effects.AddRange(uncommitted.Select(Value));
            // The worker dies here: its last batch's effects happened, its commit did not.
            await consumer.DisposeAsync();
        }
        Assert.NotEmpty(uncommitted);

        var resumedFrom = new Dictionary<int, long>();
        await using (var bus = cluster.CreateBus())
        {
            var consumer = bus.CreateConsumer(group, [topic]);
            var before = effects.Count;
            await ReadAsync(consumer, effects, until: Messages + uncommitted.Count, firstOffsets: resumedFrom);
            await consumer.DisposeAsync();
            Assert.True(effects.Count - before < Messages, "the restarted worker read from the start");
        }

        Assert.Equal(Enumerable.Range(0, Messages), effects.Distinct().Order());
        Assert.Equal(Messages + uncommitted.Count, effects.Count);
        foreach (var batchPartition in uncommitted.GroupBy(m => m.Partition))
        {
            Assert.Equal(batchPartition.Min(m => m.Offset), resumedFrom[batchPartition.Key]);
        }
    }

    private static int Value(ConsumedMessage message) => int.Parse(Encoding.UTF8.GetString(message.Value));

    private static async Task<IReadOnlyList<ConsumedMessage>> NextBatchAsync(IEventConsumer consumer)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            var batch = await consumer.ConsumeAsync(25, TimeSpan.FromMilliseconds(50));
            if (batch.Count > 0)
            {
                return batch;
            }
        }
        return [];
    }

    /// <summary>Processes batches (effects first, then commit) until <paramref name="until"/> effects exist.</summary>
    private static async Task ReadAsync(IEventConsumer consumer, List<int> effects, int until, Dictionary<int, long>? firstOffsets = null)
    {
        var clock = Stopwatch.StartNew();
        while (effects.Count < until && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            var batch = await consumer.ConsumeAsync(Math.Min(25, until - effects.Count), TimeSpan.FromMilliseconds(50));
            foreach (var message in batch)
            {
                firstOffsets?.TryAdd(message.Partition, message.Offset);
                effects.Add(Value(message));
            }
            await consumer.CommitAsync(batch);
        }
    }
}
