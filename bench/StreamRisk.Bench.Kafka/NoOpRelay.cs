using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;

namespace StreamRisk.Bench.Kafka;

/// <summary>
/// One hop of the reference the pipeline is a ratio of: <paramref name="from"/> → <paramref name="to"/> with the same
/// bytes, key and headers, and the same batch cycle as <see cref="StreamRisk.Pipeline.Stages.PipelineStage"/> (consume
/// a batch, produce all, wait for all deliveries, flush, commit) — only the work in between is missing.
/// </summary>
public sealed class NoOpRelay(IEventBus bus, string from = Topics.NewsRaw, string to = Topics.Docs) : IAsyncDisposable
{
    private readonly IEventConsumer _consumer = bus.CreateConsumer($"bench-relay-{from}", [from]);
    private readonly IEventProducer _producer = bus.CreateProducer();

    public async Task<int> PumpAsync(int maxMessages, TimeSpan maxWait)
    {
        var batch = await _consumer.ConsumeAsync(maxMessages, maxWait).ConfigureAwait(false);
        if (batch.Count == 0) return 0;
        var deliveries = new Task<DeliveryReport>[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var m = batch[i];
            deliveries[i] = _producer.ProduceAsync(to, new BusMessage(m.Key, m.Value, m.Headers)).AsTask();
        }
        await Task.WhenAll(deliveries).ConfigureAwait(false);
        await _producer.FlushAsync().ConfigureAwait(false);
        await _consumer.CommitAsync(batch).ConfigureAwait(false);
        return batch.Count;
    }

    public async ValueTask DisposeAsync()
    {
        await _consumer.DisposeAsync().ConfigureAwait(false);
        await _producer.DisposeAsync().ConfigureAwait(false);
    }
}
