using Microsoft.Extensions.Time.Testing;
using StreamRisk.Core.Bus;
using StreamRisk.Infrastructure.Bus;

namespace StreamRisk.Infrastructure.Tests.Bus;

/// <summary>The embedded bus takes time only from its injected clock: message timestamps and ConsumeAsync's maxWait.</summary>
public sealed class InMemoryEventBus_Clock
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero));

    [Fact]
    public async Task Messages_are_stamped_with_the_injected_clock()
    {
        await using var bus = new InMemoryEventBus(new InMemoryEventBusOptions { TimeProvider = _clock });
        await using var producer = bus.CreateProducer();
        await producer.ProduceAsync("t", new BusMessage("k", [1]));
        _clock.Advance(TimeSpan.FromSeconds(90));
        await producer.ProduceAsync("t", new BusMessage("k", [2]));
        await using var consumer = bus.CreateConsumer("g", ["t"]);

        var messages = await consumer.ConsumeAsync(10, TimeSpan.Zero);

        Assert.Equal(
            [new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero), new DateTimeOffset(2024, 5, 6, 7, 9, 39, TimeSpan.Zero)],
            messages.Select(m => m.Timestamp));
    }

    [Fact]
    public async Task ConsumeAsync_waits_until_the_injected_clock_passes_maxWait()
    {
        await using var bus = new InMemoryEventBus(new InMemoryEventBusOptions { TimeProvider = _clock });
        await using var consumer = bus.CreateConsumer("g", ["t"]);

        var waiting = consumer.ConsumeAsync(10, TimeSpan.FromSeconds(30));
        _clock.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Cancelling_a_waiting_consume_throws_OperationCanceledException()
    {
        await using var bus = new InMemoryEventBus(new InMemoryEventBusOptions { TimeProvider = _clock });
        await using var consumer = bus.CreateConsumer("g", ["t"]);
        using var cancel = new CancellationTokenSource();

        var waiting = consumer.ConsumeAsync(10, TimeSpan.FromHours(1), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
