using System.Collections.ObjectModel;
using StreamRisk.Core.Bus;

namespace StreamRisk.Infrastructure.Bus;

/// <summary>Appends to the embedded bus's partition logs; a message is in the log when ProduceAsync returns.</summary>
internal sealed class InMemoryProducer(InMemoryEventBus bus, TimeProvider time) : IEventProducer
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = ReadOnlyDictionary<string, string>.Empty;

    private volatile bool _disposed;

    public ValueTask<DeliveryReport> ProduceAsync(string topic, BusMessage message, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(message.Key);
        ArgumentNullException.ThrowIfNull(message.Value);
        cancellationToken.ThrowIfCancellationRequested();

        var logs = bus.TopicLogs(topic);
        var partition = KeyPartitioner.PartitionFor(message.Key, logs.Length);
        // The log keeps the value and headers as given, uncopied: the producer hands them over and must not change them.
        // Every object a message adds stays alive for the bus's lifetime, and the garbage collector pays for each.
        var stored = logs[partition].Append(message.Key, message.Value, message.Headers ?? NoHeaders, time);
        return ValueTask.FromResult(new DeliveryReport(topic, partition, stored.Offset));
    }

    public Task FlushAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _disposed = true;
        return ValueTask.CompletedTask;
    }
}
