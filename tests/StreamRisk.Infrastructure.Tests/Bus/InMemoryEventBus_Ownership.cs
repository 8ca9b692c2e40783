using StreamRisk.Core.Bus;
using StreamRisk.Infrastructure.Bus;

namespace StreamRisk.Infrastructure.Tests.Bus;

/// <summary>After a rebalance, what a member read from a partition it lost is not its to commit.</summary>
public sealed class InMemoryEventBus_Ownership
{
    [Fact]
    public async Task A_commit_for_a_partition_the_member_no_longer_owns_is_ignored()
    {
        await using var bus = new InMemoryEventBus();
        await bus.EnsureTopicAsync(new TopicSpec("t", 2));
        await using var producer = bus.CreateProducer();
        for (var i = 0; i < 40; i++)
        {
            await producer.ProduceAsync("t", new BusMessage($"k{i}", [(byte)i]));
        }
        await using var first = bus.CreateConsumer("g", ["t"]);
        var readByFirst = await first.ConsumeAsync(100, TimeSpan.Zero);
        Assert.Equal(40, readByFirst.Count);

        await using var second = bus.CreateConsumer("g", ["t"]);
        var lost = Assert.Single(second.Assignment);
        await first.CommitAsync(readByFirst);
        var readBySecond = await second.ConsumeAsync(100, TimeSpan.Zero);

        Assert.Equal(readByFirst.Count(m => m.Partition == lost.Partition), readBySecond.Count);
        Assert.All(readBySecond, m => Assert.Equal(lost.Partition, m.Partition));
        Assert.Equal(readBySecond.Count, second.Lag);
        Assert.Equal(0, first.Lag);
    }

    [Fact]
    public async Task A_kept_partition_keeps_its_read_position_across_a_rebalance()
    {
        await using var bus = new InMemoryEventBus();
        await bus.EnsureTopicAsync(new TopicSpec("t", 2));
        await using var producer = bus.CreateProducer();
        for (var i = 0; i < 40; i++)
        {
            await producer.ProduceAsync("t", new BusMessage($"k{i}", [(byte)i]));
        }
        await using var first = bus.CreateConsumer("g", ["t"]);
        Assert.Equal(40, (await first.ConsumeAsync(100, TimeSpan.Zero)).Count);

        await using var second = bus.CreateConsumer("g", ["t"]);

        Assert.Single(first.Assignment);
        Assert.Empty(await first.ConsumeAsync(100, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_member_subscribed_to_a_topic_no_one_else_reads_owns_all_of_it()
    {
        await using var bus = new InMemoryEventBus(new InMemoryEventBusOptions { DefaultPartitions = 3 });
        await using var both = bus.CreateConsumer("g", ["a", "b"]);
        await using var onlyA = bus.CreateConsumer("g", ["a"]);

        Assert.Equal(3, both.Assignment.Count(p => p.Topic == "b"));
        Assert.Equal(6, both.Assignment.Count + onlyA.Assignment.Count);
        Assert.All(onlyA.Assignment, p => Assert.Equal("a", p.Topic));
    }

    [Fact]
    public async Task A_disposed_consumer_refuses_to_consume()
    {
        await using var bus = new InMemoryEventBus();
        var consumer = bus.CreateConsumer("g", ["t"]);
        await consumer.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => consumer.ConsumeAsync(1, TimeSpan.Zero));
    }
}
