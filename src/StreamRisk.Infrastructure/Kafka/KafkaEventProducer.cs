using System.Text;
using Confluent.Kafka;
using StreamRisk.Core.Bus;

namespace StreamRisk.Infrastructure.Kafka;

/// <summary>An idempotent Kafka producer behind <see cref="IEventProducer"/>.</summary>
internal sealed class KafkaEventProducer : IEventProducer
{
    private readonly IProducer<byte[], byte[]> producer;
    private readonly TimeSpan closeTimeout;
    private readonly Action<KafkaEventProducer> onDisposed;
    private int disposed;

    public KafkaEventProducer(ProducerConfig config, TimeSpan closeTimeout, Action<KafkaEventProducer> onDisposed)
    {
        producer = new ProducerBuilder<byte[], byte[]>(config).Build();
        this.closeTimeout = closeTimeout;
        this.onDisposed = onDisposed;
    }

    public async ValueTask<DeliveryReport> ProduceAsync(string topic, BusMessage message, CancellationToken cancellationToken = default)
    {
        var kafkaMessage = new Message<byte[], byte[]>
        {
            Key = Encoding.UTF8.GetBytes(message.Key),
            Value = message.Value,
            Headers = KafkaHeaders.ToKafka(message.Headers),
        };
        var result = await producer.ProduceAsync(topic, kafkaMessage, cancellationToken).ConfigureAwait(false);
        return new DeliveryReport(result.Topic, result.Partition.Value, result.Offset.Value);
    }

    // Flush blocks until every delivery report is in; run it off the caller's thread.
    public Task FlushAsync(CancellationToken cancellationToken = default) =>
        Task.Run(() => producer.Flush(cancellationToken), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }
        await Task.Run(() =>
        {
            producer.Flush(closeTimeout);
            producer.Dispose();
        }).ConfigureAwait(false);
        onDisposed(this);
    }
}
