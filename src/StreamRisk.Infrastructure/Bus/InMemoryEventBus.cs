using System.Collections.Concurrent;
using StreamRisk.Core.Bus;

namespace StreamRisk.Infrastructure.Bus;

/// <summary>
/// The embedded event bus: Kafka's model in one process. A topic is a fixed number of partitions, each an append-only
/// log with offsets from 0; a message's key picks its partition (<see cref="KeyPartitioner"/>, as in Kafka); consumer
/// groups share partitions among their members and keep committed offsets; delivery is at-least-once.
/// <para>
/// Memory: a topic keeps every message produced to it for the bus's lifetime (there is no retention), which is right
/// for the embedded run, whose input is bounded; a long-running deployment uses Kafka. Messages are kept as produced,
/// without copying the value array or the headers dictionary: a producer must not change them afterwards, and a
/// consumer must treat them as read-only (other groups read the same objects).
/// </para>
/// </summary>
public sealed class InMemoryEventBus : IEventBus
{
    private readonly ConcurrentDictionary<string, PartitionLog[]> _topics = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConsumerGroup> _groups = new(StringComparer.Ordinal);
    private readonly Lock _createTopicLock = new();
    private readonly InMemoryEventBusOptions _options;
    private volatile bool _disposed;

    public InMemoryEventBus(InMemoryEventBusOptions? options = null)
    {
        _options = options ?? new InMemoryEventBusOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.DefaultPartitions, 1);
        ArgumentNullException.ThrowIfNull(_options.TimeProvider);
    }

    public Task EnsureTopicAsync(TopicSpec topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentOutOfRangeException.ThrowIfLessThan(topic.Partitions, 1);
        ObjectDisposedException.ThrowIf(_disposed, this);
        GetOrCreateTopic(topic.Name, topic.Partitions);
        return Task.CompletedTask;
    }

    public IEventProducer CreateProducer()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new InMemoryProducer(this, _options.TimeProvider);
    }

    /// <summary>Topics that do not exist yet are created with the default partition count, as a broker that
    /// auto-creates topics would.</summary>
    public IEventConsumer CreateConsumer(string groupId, IReadOnlyList<string> topics)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        ArgumentNullException.ThrowIfNull(topics);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var subscribed = topics.Distinct(StringComparer.Ordinal).ToArray();
        foreach (var topic in subscribed)
        {
            TopicLogs(topic);
        }
        var group = _groups.GetOrAdd(groupId, id => new ConsumerGroup(id, TopicLogs));
        return new InMemoryConsumer(group, group.Join(subscribed), _options.TimeProvider);
    }

    /// <summary>
    /// Retention for long embedded runs: drops the messages that every consumer group subscribed to their topic has
    /// committed, and all messages of topics no group subscribes to. Without it the bus keeps every message for its
    /// lifetime. A group created afterwards starts at the earliest message still held.
    /// </summary>
    public void DiscardConsumed()
    {
        foreach (var (topic, logs) in _topics)
        {
            foreach (var log in logs)
            {
                long? keepFrom = null;
                foreach (var group in _groups.Values)
                {
                    if (group.CommittedFor(topic, log.Partition) is { } committed)
                    {
                        keepFrom = keepFrom is null ? committed : Math.Min(keepFrom.Value, committed);
                    }
                }
                log.DiscardBefore(keepFrom ?? log.EndOffset);
            }
        }
    }

    /// <summary>Messages held now, over all topics (a diagnostic for memory).</summary>
    public long RetainedMessages => _topics.Values.SelectMany(logs => logs).Sum(log => log.EndOffset - log.StartOffset);

    public ValueTask DisposeAsync()
    {
        _disposed = true;
        return ValueTask.CompletedTask;
    }

    /// <summary>The topic's partitions, creating the topic with the default partition count if needed.</summary>
    internal PartitionLog[] TopicLogs(string topic)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _topics.TryGetValue(topic, out var logs) ? logs : GetOrCreateTopic(topic, _options.DefaultPartitions);
    }

    private PartitionLog[] GetOrCreateTopic(string name, int partitions)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (_topics.TryGetValue(name, out var existing))
        {
            return existing;
        }
        // ConcurrentDictionary.GetOrAdd may run its factory twice; a lock keeps one set of logs per topic.
        lock (_createTopicLock)
        {
            return _topics.GetOrAdd(name, n => Enumerable.Range(0, partitions).Select(p => new PartitionLog(n, p)).ToArray());
        }
    }
}
