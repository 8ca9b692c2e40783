using System.Diagnostics;
using System.Text;
using StreamRisk.Core.Bus;

namespace StreamRisk.Infrastructure.Tests.Bus;

/// <summary>
/// The behaviour every <see cref="IEventBus"/> must show: the embedded bus and Kafka subclass this and run the same cases.
/// Each case uses its own topic and group names, so a shared broker works; every wait is bounded by
/// <see cref="RebalanceTimeout"/>, so a bus whose group rebalances take time only needs a longer timeout.
/// </summary>
public abstract class EventBusContract : IAsyncLifetime
{
    protected const int Partitions = 4;

    private readonly List<IAsyncDisposable> _owned = [];

    protected IEventBus Bus { get; private set; } = null!;

    /// <summary>A bus ready to use; topics the cases need are created through <see cref="CreateTopicAsync"/>.</summary>
    protected abstract Task<IEventBus> CreateBusAsync();

    /// <summary>The longest a case waits for a group to settle (join, rebalance after a member leaves) or for messages.</summary>
    protected virtual TimeSpan RebalanceTimeout => TimeSpan.FromSeconds(10);

    /// <summary>maxWait of each ConsumeAsync call in the cases' polling loops.</summary>
    protected virtual TimeSpan PollWait => TimeSpan.FromMilliseconds(50);

    /// <summary>Creates a topic for a case; a broker whose admin API cannot create topics (a mock cluster) overrides it.</summary>
    protected virtual Task CreateTopicAsync(TopicSpec topic) => Bus.EnsureTopicAsync(topic);

    public async Task InitializeAsync() => Bus = await CreateBusAsync();

    public async Task DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }
        await Bus.DisposeAsync();
    }

    [Fact]
    public async Task Produce_then_consume_keeps_key_value_and_headers()
    {
        var topic = await NewTopicAsync(Partitions);
        var producer = Own(Bus.CreateProducer());
        var headers = new Dictionary<string, string> { ["ce_id"] = "evt-1", ["ce_type"] = "test.v1" };
        var before = DateTimeOffset.UtcNow;
        var report = await producer.ProduceAsync(topic, new BusMessage("issuer-7", Bytes("hello"), headers));
        await producer.FlushAsync();

        var consumer = Own(Bus.CreateConsumer(NewName("g"), [topic]));
        var message = Assert.Single(await ConsumeUntilAsync(consumer, 1));

        Assert.Equal(topic, message.Topic);
        Assert.Equal(report.Topic, message.Topic);
        Assert.Equal(report.Partition, message.Partition);
        Assert.Equal(report.Offset, message.Offset);
        Assert.Equal("issuer-7", message.Key);
        Assert.Equal("hello", Encoding.UTF8.GetString(message.Value));
        Assert.Equal("evt-1", message.Headers["ce_id"]);
        Assert.Equal("test.v1", message.Headers["ce_type"]);
        Assert.InRange(message.Timestamp, before.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Messages_without_headers_arrive_with_no_headers()
    {
        var topic = await NewTopicAsync(1);
        var producer = Own(Bus.CreateProducer());
        await producer.ProduceAsync(topic, new BusMessage("k", Bytes("v")));

        var consumer = Own(Bus.CreateConsumer(NewName("g"), [topic]));
        var message = Assert.Single(await ConsumeUntilAsync(consumer, 1));

        Assert.Empty(message.Headers);
    }

    [Fact]
    public async Task One_key_always_lands_on_the_partition_KeyPartitioner_picks()
    {
        var topic = await NewTopicAsync(Partitions);
        var producer = Own(Bus.CreateProducer());
        var seen = new HashSet<int>();

        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 40; i++)
            {
                var key = $"issuer-{i}";
                var report = await producer.ProduceAsync(topic, new BusMessage(key, Bytes(key)));
                Assert.Equal(KeyPartitioner.PartitionFor(key, Partitions), report.Partition);
                seen.Add(report.Partition);
            }
        }

        Assert.Equal(Partitions, seen.Count);
    }

    [Fact]
    public async Task Offsets_start_at_zero_and_increase_by_one_per_partition()
    {
        var topic = await NewTopicAsync(Partitions);
        var producer = Own(Bus.CreateProducer());
        var next = new long[Partitions];

        for (var i = 0; i < 100; i++)
        {
            var report = await producer.ProduceAsync(topic, new BusMessage($"k{i % 13}", Bytes(i.ToString())));
            Assert.Equal(next[report.Partition], report.Offset);
            next[report.Partition]++;
        }
    }

    [Fact]
    public async Task Messages_with_one_key_are_consumed_in_the_order_produced()
    {
        var topic = await NewTopicAsync(Partitions);
        var producer = Own(Bus.CreateProducer());
        const int keys = 7, perKey = 30;
        for (var i = 0; i < perKey; i++)
        {
            for (var k = 0; k < keys; k++)
            {
                await producer.ProduceAsync(topic, new BusMessage($"issuer-{k}", Bytes(i.ToString())));
            }
        }
        await producer.FlushAsync();

        var consumer = Own(Bus.CreateConsumer(NewName("g"), [topic]));
        var messages = await ConsumeUntilAsync(consumer, keys * perKey);

        Assert.Equal(keys * perKey, messages.Count);
        foreach (var byKey in messages.GroupBy(m => m.Key))
        {
            Assert.Equal(Enumerable.Range(0, perKey), byKey.Select(m => int.Parse(Text(m))));
        }
        foreach (var byPartition in messages.GroupBy(m => m.Partition))
        {
            Assert.Equal(Enumerable.Range(0, byPartition.Count()).Select(o => (long)o), byPartition.Select(m => m.Offset));
        }
    }

    [Fact]
    public async Task A_new_group_reads_from_the_earliest_offset()
    {
        var topic = await NewTopicAsync(Partitions);
        await ProduceAsync(topic, 20);

        var consumer = Own(Bus.CreateConsumer(NewName("g"), [topic]));
        var messages = await ConsumeUntilAsync(consumer, 20);

        Assert.Equal(20, messages.Count);
        Assert.Equal(Enumerable.Range(0, 20), messages.Select(m => int.Parse(Text(m))).Order());
    }

    [Fact]
    public async Task A_new_member_of_a_group_resumes_after_the_committed_offset()
    {
        var topic = await NewTopicAsync(1);
        var group = NewName("g");
        await ProduceAsync(topic, 10);

        await using (var first = Bus.CreateConsumer(group, [topic]))
        {
            var read = await ConsumeUntilAsync(first, 10);
            await first.CommitAsync(read.Take(6).ToList());
        }

        var second = Own(Bus.CreateConsumer(group, [topic]));
        var rest = await ConsumeUntilAsync(second, 4);

        Assert.Equal([6L, 7, 8, 9], rest.Select(m => m.Offset));
        Assert.Empty(await second.ConsumeAsync(10, PollWait));
    }

    [Fact]
    public async Task Messages_read_but_not_committed_are_delivered_again()
    {
        var topic = await NewTopicAsync(1);
        var group = NewName("g");
        await ProduceAsync(topic, 5);

        await using (var first = Bus.CreateConsumer(group, [topic]))
        {
            Assert.Equal(5, (await ConsumeUntilAsync(first, 5)).Count);
        }

        var second = Own(Bus.CreateConsumer(group, [topic]));
        var again = await ConsumeUntilAsync(second, 5);

        Assert.Equal([0L, 1, 2, 3, 4], again.Select(m => m.Offset));
    }

    [Fact]
    public async Task A_rewound_batch_is_delivered_again_by_the_same_member()
    {
        var topic = await NewTopicAsync(Partitions);
        await ProduceAsync(topic, 40);
        var consumer = Own(Bus.CreateConsumer(NewName("g"), [topic]));
        var all = await ConsumeUntilAsync(consumer, 40);
        await consumer.CommitAsync(all.Where(m => m.Offset < 3).ToList());

        await consumer.RewindAsync(all.Where(m => m.Offset >= 3).ToList());
        var again = await ConsumeUntilAsync(consumer, all.Count(m => m.Offset >= 3));

        static IEnumerable<(int, long)> Keys(IEnumerable<ConsumedMessage> ms) => ms.Select(m => (m.Partition, m.Offset)).Order();
        Assert.Equal(Keys(all.Where(m => m.Offset >= 3)), Keys(again));
    }

    [Fact]
    public async Task A_commit_never_moves_the_committed_offset_backwards()
    {
        var topic = await NewTopicAsync(1);
        var group = NewName("g");
        await ProduceAsync(topic, 10);

        await using (var first = Bus.CreateConsumer(group, [topic]))
        {
            var read = await ConsumeUntilAsync(first, 10);
            await first.CommitAsync(read.Take(8).ToList());
            await first.CommitAsync(read.Take(3).ToList());
        }

        var second = Own(Bus.CreateConsumer(group, [topic]));
        var rest = await ConsumeUntilAsync(second, 2);

        Assert.Equal([8L, 9], rest.Select(m => m.Offset));
    }

    [Fact]
    public async Task Two_members_of_a_group_split_the_partitions_and_together_see_each_message_once()
    {
        var topic = await NewTopicAsync(Partitions);
        var group = NewName("g");
        var a = Own(Bus.CreateConsumer(group, [topic]));
        var b = Own(Bus.CreateConsumer(group, [topic]));
        await SettleAsync([a, b], owners => owners.All(o => o.Count > 0) && owners.Sum(o => o.Count) == Partitions);
        Assert.Empty(a.Assignment.Intersect(b.Assignment));

        await ProduceAsync(topic, 200);
        var seenByA = new List<ConsumedMessage>();
        var seenByB = new List<ConsumedMessage>();
        var deadline = Stopwatch.StartNew();
        while (seenByA.Count + seenByB.Count < 200 && deadline.Elapsed < RebalanceTimeout)
        {
            await ConsumeAndCommitAsync(a, seenByA);
            await ConsumeAndCommitAsync(b, seenByB);
        }
        await ConsumeAndCommitAsync(a, seenByA);
        await ConsumeAndCommitAsync(b, seenByB);

        Assert.NotEmpty(seenByA);
        Assert.NotEmpty(seenByB);
        Assert.All(seenByA, m => Assert.Contains((m.Topic, m.Partition), a.Assignment));
        Assert.All(seenByB, m => Assert.Contains((m.Topic, m.Partition), b.Assignment));
        var all = seenByA.Concat(seenByB).ToList();
        Assert.Equal(200, all.Count);
        Assert.Equal(200, all.Select(m => (m.Partition, m.Offset)).Distinct().Count());
    }

    [Fact]
    public async Task When_a_member_leaves_the_rest_of_the_group_takes_over_from_the_committed_offsets()
    {
        var topic = await NewTopicAsync(Partitions);
        var group = NewName("g");
        var stays = Own(Bus.CreateConsumer(group, [topic]));
        var leaves = Bus.CreateConsumer(group, [topic]);
        await SettleAsync([stays, leaves], owners => owners.All(o => o.Count > 0) && owners.Sum(o => o.Count) == Partitions);
        var leftPartitions = leaves.Assignment.ToList();

        await ProduceAsync(topic, 100);
        var readByLeaver = await ConsumeUntilAsync(leaves, 1);
        await leaves.DisposeAsync();

        // At-least-once: the stayer may see some of its own messages twice while the group rebalances, so the case
        // counts distinct positions, and asks that what the leaver read without committing reaches the stayer.
        var readByStayer = new HashSet<(int Partition, long Offset)>();
        var clock = Stopwatch.StartNew();
        while ((readByStayer.Count < 100 || stays.Assignment.Count < Partitions) && clock.Elapsed < RebalanceTimeout)
        {
            readByStayer.UnionWith((await stays.ConsumeAsync(100, PollWait)).Select(m => (m.Partition, m.Offset)));
        }

        Assert.NotEmpty(readByLeaver);
        Assert.All(readByLeaver, m => Assert.Contains((m.Topic, m.Partition), leftPartitions));
        Assert.Equal(Partitions, stays.Assignment.Count);
        Assert.Equal(100, readByStayer.Count);
        Assert.All(readByLeaver, m => Assert.Contains((m.Partition, m.Offset), readByStayer));
    }

    [Fact]
    public async Task Two_groups_each_see_every_message()
    {
        var topic = await NewTopicAsync(Partitions);
        await ProduceAsync(topic, 50);

        var first = Own(Bus.CreateConsumer(NewName("g1"), [topic]));
        var second = Own(Bus.CreateConsumer(NewName("g2"), [topic]));
        var readByFirst = await ConsumeUntilAsync(first, 50);
        await first.CommitAsync(readByFirst);
        var readBySecond = await ConsumeUntilAsync(second, 50);

        Assert.Equal(Enumerable.Range(0, 50), readByFirst.Select(m => int.Parse(Text(m))).Order());
        Assert.Equal(Enumerable.Range(0, 50), readBySecond.Select(m => int.Parse(Text(m))).Order());
    }

    [Fact]
    public async Task A_consumer_can_subscribe_to_several_topics()
    {
        var news = await NewTopicAsync(2);
        var announcements = await NewTopicAsync(3);
        await ProduceAsync(news, 10);
        await ProduceAsync(announcements, 15);

        var consumer = Own(Bus.CreateConsumer(NewName("g"), [news, announcements]));
        var messages = await ConsumeUntilAsync(consumer, 25);

        Assert.Equal(10, messages.Count(m => m.Topic == news));
        Assert.Equal(15, messages.Count(m => m.Topic == announcements));
    }

    [Fact]
    public async Task ConsumeAsync_returns_at_most_maxMessages()
    {
        var topic = await NewTopicAsync(Partitions);
        await ProduceAsync(topic, 30);
        var consumer = Own(Bus.CreateConsumer(NewName("g"), [topic]));
        var all = new List<ConsumedMessage>();
        var deadline = Stopwatch.StartNew();

        while (all.Count < 30 && deadline.Elapsed < RebalanceTimeout)
        {
            var batch = await consumer.ConsumeAsync(7, PollWait);
            Assert.InRange(batch.Count, 0, 7);
            all.AddRange(batch);
        }

        Assert.Equal(30, all.Count);
    }

    [Fact]
    public async Task ConsumeAsync_returns_empty_after_maxWait_when_there_is_nothing_to_read()
    {
        var topic = await NewTopicAsync(Partitions);
        var consumer = Own(Bus.CreateConsumer(NewName("g"), [topic]));
        var clock = Stopwatch.StartNew();

        var batch = await consumer.ConsumeAsync(10, TimeSpan.FromMilliseconds(100));

        Assert.Empty(batch);
        Assert.True(clock.Elapsed < RebalanceTimeout, $"ConsumeAsync took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_waiting_consumer_wakes_when_a_message_arrives()
    {
        var topic = await NewTopicAsync(Partitions);
        var consumer = Own(Bus.CreateConsumer(NewName("g"), [topic]));
        var producer = Own(Bus.CreateProducer());
        var longWait = RebalanceTimeout * 3;
        var clock = Stopwatch.StartNew();

        var waiting = consumer.ConsumeAsync(10, longWait);
        await Task.Delay(50);
        await producer.ProduceAsync(topic, new BusMessage("k", Bytes("late")));
        var batch = await waiting;
        if (batch.Count == 0)
        {
            batch = await ConsumeUntilAsync(consumer, 1);
        }

        Assert.Equal("late", Text(Assert.Single(batch)));
        Assert.True(clock.Elapsed < longWait, $"the consumer slept through the message ({clock.Elapsed})");
    }

    [Fact]
    public async Task EnsureTopic_is_idempotent_and_keeps_the_first_partition_count()
    {
        var topic = NewName("t");
        await CreateTopicAsync(new TopicSpec(topic, 3));
        var producer = Own(Bus.CreateProducer());
        await producer.ProduceAsync(topic, new BusMessage("before", Bytes("before")));

        await Bus.EnsureTopicAsync(new TopicSpec(topic, 3));
        await Bus.EnsureTopicAsync(new TopicSpec(topic, 8));

        for (var i = 0; i < 30; i++)
        {
            var key = $"issuer-{i}";
            var report = await producer.ProduceAsync(topic, new BusMessage(key, Bytes(key)));
            Assert.Equal(KeyPartitioner.PartitionFor(key, 3), report.Partition);
        }
        var consumer = Own(Bus.CreateConsumer(NewName("g"), [topic]));
        var messages = await ConsumeUntilAsync(consumer, 31);
        Assert.Equal(31, messages.Count);
        Assert.Contains(messages, m => m.Key == "before");
    }

    [Fact]
    public async Task Lag_counts_the_messages_after_the_committed_offset()
    {
        var topic = await NewTopicAsync(1);
        await ProduceAsync(topic, 10);
        var consumer = Own(Bus.CreateConsumer(NewName("g"), [topic]));
        var read = await ConsumeUntilAsync(consumer, 10);

        await consumer.CommitAsync(read.Take(4).ToList());
        await WaitForLagAsync(consumer, 6);

        await ProduceAsync(topic, 5);
        await WaitForLagAsync(consumer, 11);

        await consumer.CommitAsync(read);
        await WaitForLagAsync(consumer, 5);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    protected static string NewName(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected static string Text(ConsumedMessage message) => Encoding.UTF8.GetString(message.Value);

    protected T Own<T>(T disposable) where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    protected async Task<string> NewTopicAsync(int partitions)
    {
        var topic = NewName("t");
        await CreateTopicAsync(new TopicSpec(topic, partitions));
        return topic;
    }

    /// <summary>Produces values "0".."count-1" with keys spread over 11 issuers.</summary>
    protected async Task ProduceAsync(string topic, int count)
    {
        await using var producer = Bus.CreateProducer();
        for (var i = 0; i < count; i++)
        {
            await producer.ProduceAsync(topic, new BusMessage($"issuer-{i % 11}", Bytes(i.ToString())));
        }
        await producer.FlushAsync();
    }

    /// <summary>Consumes until <paramref name="count"/> messages arrived or <see cref="RebalanceTimeout"/> passed.</summary>
    protected async Task<List<ConsumedMessage>> ConsumeUntilAsync(IEventConsumer consumer, int count)
    {
        var messages = new List<ConsumedMessage>();
        var clock = Stopwatch.StartNew();
        while (messages.Count < count && clock.Elapsed < RebalanceTimeout)
        {
            messages.AddRange(await consumer.ConsumeAsync(count - messages.Count, PollWait));
        }
        return messages;
    }

    /// <summary>Polls every member (a Kafka member only rebalances while it polls) until the assignments satisfy
    /// <paramref name="settled"/>; nothing is produced meanwhile, so nothing is lost by polling.</summary>
    protected async Task SettleAsync(IReadOnlyList<IEventConsumer> members, Func<IReadOnlyList<IReadOnlyList<(string, int)>>, bool> settled)
    {
        var clock = Stopwatch.StartNew();
        while (!settled(members.Select(m => m.Assignment).ToList()))
        {
            Assert.True(clock.Elapsed < RebalanceTimeout, "the group did not settle in time");
            foreach (var member in members)
            {
                Assert.Empty(await member.ConsumeAsync(1, PollWait));
            }
        }
    }

    /// <summary>Lag may come from a broker's cached watermarks, so it is awaited rather than read once.</summary>
    protected async Task WaitForLagAsync(IEventConsumer consumer, long expected)
    {
        var clock = Stopwatch.StartNew();
        while (consumer.Lag != expected && clock.Elapsed < RebalanceTimeout)
        {
            await Task.Delay(5);
        }
        Assert.Equal(expected, consumer.Lag);
    }

    private async Task ConsumeAndCommitAsync(IEventConsumer consumer, List<ConsumedMessage> seen)
    {
        var batch = await consumer.ConsumeAsync(50, PollWait);
        if (batch.Count > 0)
        {
            seen.AddRange(batch);
            await consumer.CommitAsync(batch);
        }
    }
}
