using StreamRisk.Core.Bus;
using StreamRisk.Infrastructure.Bus;

namespace StreamRisk.Infrastructure.Tests.Bus;

/// <summary>Producers and consumers on several threads at once: nothing lost, nothing doubled, key order kept.</summary>
public sealed class InMemoryEventBus_Concurrency
{
    [Fact]
    public async Task Concurrent_producers_and_a_committing_group_deliver_every_message_once_in_key_order()
    {
        const int producers = 4, perProducer = 5_000, total = producers * perProducer;
        await using var bus = new InMemoryEventBus(new InMemoryEventBusOptions { DefaultPartitions = 8 });
        await using var a = bus.CreateConsumer("g", ["t"]);
        await using var b = bus.CreateConsumer("g", ["t"]);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var consuming = new[] { a, b }.Select(c => Task.Run(async () =>
        {
            var seen = new List<ConsumedMessage>();
            while (Volatile.Read(ref _received) < total && !stop.IsCancellationRequested)
            {
                var batch = await c.ConsumeAsync(500, TimeSpan.FromMilliseconds(20));
                seen.AddRange(batch);
                await c.CommitAsync(batch);
                Interlocked.Add(ref _received, batch.Count);
            }
            return seen;
        })).ToArray();
        var producing = Enumerable.Range(0, producers).Select(p => Task.Run(async () =>
        {
            await using var producer = bus.CreateProducer();
            for (var i = 0; i < perProducer; i++)
            {
                await producer.ProduceAsync("t", new BusMessage($"p{p}-k{i % 17}", BitConverter.GetBytes(i)));
            }
        })).ToArray();
        await Task.WhenAll(producing);
        var seen = (await Task.WhenAll(consuming)).SelectMany(s => s).ToList();

        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Select(m => (m.Partition, m.Offset)).Distinct().Count());
        foreach (var byKey in seen.GroupBy(m => m.Key))
        {
            var values = byKey.OrderBy(m => m.Offset).Select(m => BitConverter.ToInt32(m.Value)).ToList();
            Assert.Equal(values.Order(), values);
        }
        Assert.Equal(0, a.Lag + b.Lag);
    }

    private int _received;
}
