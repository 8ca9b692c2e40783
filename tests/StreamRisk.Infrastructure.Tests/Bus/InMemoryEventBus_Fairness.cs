using StreamRisk.Core.Bus;
using StreamRisk.Infrastructure.Bus;

namespace StreamRisk.Infrastructure.Tests.Bus;

/// <summary>A busy partition does not starve the others: each consume spreads its budget across owned partitions.</summary>
public sealed class InMemoryEventBus_Fairness
{
    [Fact]
    public async Task A_small_batch_takes_from_every_partition_with_data()
    {
        await using var bus = new InMemoryEventBus();
        await bus.EnsureTopicAsync(new TopicSpec("t", 4));
        await using var producer = bus.CreateProducer();
        var keyOf = Enumerable.Range(0, 4).ToDictionary(p => p, p => Enumerable.Range(0, 1000).Select(i => $"k{i}").First(k => KeyPartitioner.PartitionFor(k, 4) == p));
        for (var i = 0; i < 1000; i++)
        {
            await producer.ProduceAsync("t", new BusMessage(keyOf[0], [1]));
        }
        for (var p = 1; p < 4; p++)
        {
            await producer.ProduceAsync("t", new BusMessage(keyOf[p], [2]));
        }
        await using var consumer = bus.CreateConsumer("g", ["t"]);

        var batch = await consumer.ConsumeAsync(8, TimeSpan.Zero);

        Assert.Equal(8, batch.Count);
        Assert.Equal([0, 1, 2, 3], batch.Select(m => m.Partition).Distinct().Order());
        Assert.Equal(5, batch.Count(m => m.Partition == 0));
    }

    [Fact]
    public async Task Within_a_partition_a_batch_is_in_offset_order()
    {
        await using var bus = new InMemoryEventBus(new InMemoryEventBusOptions { DefaultPartitions = 1 });
        await using var producer = bus.CreateProducer();
        for (var i = 0; i < 10_000; i++)
        {
            await producer.ProduceAsync("t", new BusMessage("k", BitConverter.GetBytes(i)));
        }
        await using var consumer = bus.CreateConsumer("g", ["t"]);

        var batch = await consumer.ConsumeAsync(20_000, TimeSpan.Zero);

        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => (long)i), batch.Select(m => m.Offset));
        Assert.Equal(Enumerable.Range(0, 10_000), batch.Select(m => BitConverter.ToInt32(m.Value)));
    }
}
