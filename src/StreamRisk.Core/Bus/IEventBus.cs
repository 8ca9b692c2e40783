namespace StreamRisk.Core.Bus;

/// <summary>
/// A partitioned, offset-addressed log with consumer groups: the contract the embedded bus and Kafka both meet.
/// Delivery is at-least-once: a consumer sees every message after its group's committed offset, and messages
/// it read but did not commit are delivered again to whichever member of the group owns the partition next.
/// </summary>
public interface IEventBus : IAsyncDisposable
{
    /// <summary>Creates the topic if it does not exist; an existing topic keeps its partitions.</summary>
    Task EnsureTopicAsync(TopicSpec topic, CancellationToken cancellationToken = default);

    IEventProducer CreateProducer();

    /// <summary>Joins <paramref name="groupId"/> and subscribes to <paramref name="topics"/>; partitions are shared among
    /// the group's live members.</summary>
    IEventConsumer CreateConsumer(string groupId, IReadOnlyList<string> topics);
}

public interface IEventProducer : IAsyncDisposable
{
    /// <summary>Appends the message to the partition its key hashes to; messages with one key keep their order.</summary>
    ValueTask<DeliveryReport> ProduceAsync(string topic, BusMessage message, CancellationToken cancellationToken = default);

    /// <summary>Waits until everything produced so far is durable in the log.</summary>
    Task FlushAsync(CancellationToken cancellationToken = default);
}

public interface IEventConsumer : IAsyncDisposable
{
    /// <summary>Returns up to <paramref name="maxMessages"/> messages, waiting at most <paramref name="maxWait"/> for the
    /// first one; an empty list means nothing arrived in time. Order is kept within a partition.</summary>
    Task<IReadOnlyList<ConsumedMessage>> ConsumeAsync(int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken = default);

    /// <summary>Commits, for each partition, the offset after the highest given message: call only once the effects
    /// of those messages are durable.</summary>
    Task CommitAsync(IReadOnlyList<ConsumedMessage> processed, CancellationToken cancellationToken = default);

    /// <summary>Moves back so that the next consume delivers these uncommitted messages again (a batch whose processing
    /// failed), without leaving the group. Partitions the consumer no longer owns are skipped: their next owner starts
    /// at the committed offset anyway.</summary>
    Task RewindAsync(IReadOnlyList<ConsumedMessage> batch, CancellationToken cancellationToken = default);

    /// <summary>The partitions this member owns now.</summary>
    IReadOnlyList<(string Topic, int Partition)> Assignment { get; }

    /// <summary>How many messages are in the log after this group's position, over the owned partitions.</summary>
    long Lag { get; }
}
