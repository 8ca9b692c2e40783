using System.Text;
using StreamRisk.Core.Bus;
using StreamRisk.Infrastructure.Bus;

namespace StreamRisk.Infrastructure.Tests.Bus;

public class InMemoryEventBus_Retention
{
    private static async Task ProduceAsync(IEventBus bus, string topic, int count)
    {
        await using var producer = bus.CreateProducer();
        for (var i = 0; i < count; i++)
        {
            await producer.ProduceAsync(topic, new BusMessage("k" + (i % 7), Encoding.UTF8.GetBytes("m" + i)));
        }
    }

    private static async Task<List<ConsumedMessage>> ConsumeAllAsync(IEventConsumer consumer, bool commit)
    {
        var all = new List<ConsumedMessage>();
        IReadOnlyList<ConsumedMessage> batch;
        while ((batch = await consumer.ConsumeAsync(1000, TimeSpan.Zero)).Count > 0)
        {
            all.AddRange(batch);
            if (commit) await consumer.CommitAsync(batch);
        }
        return all;
    }

    [Fact]
    public async Task Messages_every_subscribed_group_committed_are_dropped_and_the_rest_kept()
    {
        await using var bus = new InMemoryEventBus();
        await bus.EnsureTopicAsync(new TopicSpec("t", 1));
        await ProduceAsync(bus, "t", 10_000);
        await using var fast = bus.CreateConsumer("fast", ["t"]);
        await using var slow = bus.CreateConsumer("slow", ["t"]);
        await ConsumeAllAsync(fast, commit: true);

        bus.DiscardConsumed();
        Assert.Equal(10_000, bus.RetainedMessages); // "slow" has committed nothing: everything stays

        var seenBySlow = await ConsumeAllAsync(slow, commit: true);
        Assert.Equal(10_000, seenBySlow.Count);
        bus.DiscardConsumed();
        Assert.True(bus.RetainedMessages < 4096, $"{bus.RetainedMessages} retained after both groups committed everything");

        await ProduceAsync(bus, "t", 5);
        var tail = await ConsumeAllAsync(fast, commit: true);
        Assert.Equal(5, tail.Count); // reading goes on past the dropped part
    }

    [Fact]
    public async Task A_group_that_arrives_after_retention_starts_at_the_earliest_message_held()
    {
        await using var bus = new InMemoryEventBus();
        await bus.EnsureTopicAsync(new TopicSpec("t", 1));
        await ProduceAsync(bus, "t", 9_000);
        await using (var first = bus.CreateConsumer("first", ["t"]))
        {
            await ConsumeAllAsync(first, commit: true);
        }
        bus.DiscardConsumed();
        await using var late = bus.CreateConsumer("late", ["t"]);
        var seen = await ConsumeAllAsync(late, commit: false);
        Assert.Equal(bus.RetainedMessages, seen.Count);
        Assert.Equal(8_999, seen[^1].Offset);
        Assert.True(seen[0].Offset > 0);
    }

    [Fact]
    public async Task Topics_nobody_subscribes_to_are_dropped_entirely()
    {
        await using var bus = new InMemoryEventBus();
        await ProduceAsync(bus, "orphan", 5_000);
        bus.DiscardConsumed();
        Assert.True(bus.RetainedMessages < 4096 * 4);
    }
}
