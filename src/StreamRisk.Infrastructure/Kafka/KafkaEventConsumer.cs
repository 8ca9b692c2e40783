using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamRisk.Core.Bus;

namespace StreamRisk.Infrastructure.Kafka;

/// <summary>
/// A Kafka consumer-group member behind <see cref="IEventConsumer"/>. Auto-commit is off: <see cref="CommitAsync"/>
/// commits explicitly, once the caller's effects are durable, so a crash redelivers instead of losing.
/// Every poll and commit runs on the member's own <see cref="KafkaConsumerThread"/>.
/// </summary>
internal sealed class KafkaEventConsumer : IEventConsumer
{
    // How often a waiting poll looks at the caller's cancellation token.
    private static readonly TimeSpan PollSlice = TimeSpan.FromMilliseconds(100);

    private readonly IConsumer<byte[], byte[]> consumer;
    private readonly KafkaConsumerThread thread;
    private readonly TimeSpan requestTimeout;
    private readonly ILogger logger;
    private readonly Action<KafkaEventConsumer> onDisposed;
    private readonly Dictionary<TopicPartition, Offset> committedByThisMember = [];
    private bool rebalancedDuringPoll;
    private List<ConsumedMessage>? batchInProgress;
    private int disposed;

    public KafkaEventConsumer(
        ConsumerConfig config, IReadOnlyList<string> topics, TimeSpan requestTimeout, ILogger logger,
        Action<KafkaEventConsumer> onDisposed)
    {
        this.requestTimeout = requestTimeout;
        this.logger = logger;
        this.onDisposed = onDisposed;
        consumer = new ConsumerBuilder<byte[], byte[]>(config)
            .SetPartitionsAssignedHandler((_, partitions) => OnAssigned(config.GroupId, partitions))
            .SetPartitionsRevokedHandler((_, partitions) => OnRevoked(config.GroupId, partitions, lost: false))
            .SetPartitionsLostHandler((_, partitions) => OnRevoked(config.GroupId, partitions, lost: true))
            .SetErrorHandler((_, error) => logger.LogWarning("kafka consumer {Group}: {Error}", config.GroupId, error))
            .SetLogHandler((_, log) => logger.LogDebug("librdkafka {Facility}: {Message}", log.Facility, log.Message))
            .Build();
        consumer.Subscribe(topics);
        thread = new KafkaConsumerThread($"kafka-consumer-{config.GroupId}");
    }

    public IReadOnlyList<(string Topic, int Partition)> Assignment =>
        consumer.Assignment.Select(tp => (tp.Topic, tp.Partition.Value)).ToArray();

    /// <summary>Messages between the group's committed offset (the log start where nothing is committed) and the log
    /// end, over the owned partitions. Asks the brokers, so it costs a round trip per partition.</summary>
    public long Lag
    {
        get
        {
            var assignment = consumer.Assignment;
            if (assignment.Count == 0)
            {
                return 0;
            }
            long lag = 0;
            foreach (var committed in consumer.Committed(assignment, requestTimeout))
            {
                var watermarks = consumer.QueryWatermarkOffsets(committed.TopicPartition, requestTimeout);
                var from = committed.Offset == Offset.Unset ? watermarks.Low : committed.Offset;
                lag += Math.Max(0, watermarks.High.Value - from.Value);
            }
            return lag;
        }
    }

    public Task<IReadOnlyList<ConsumedMessage>> ConsumeAsync(int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) == 1, this);
        return thread.RunAsync(() => ConsumeBatch(maxMessages, maxWait, cancellationToken));
    }

    public Task CommitAsync(IReadOnlyList<ConsumedMessage> processed, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) == 1, this);
        if (processed.Count == 0)
        {
            return Task.CompletedTask;
        }
        var offsets = KafkaCommitOffsets.After(processed);
        return thread.RunAsync(() =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            Commit(offsets);
            return true;
        });
    }

    public Task RewindAsync(IReadOnlyList<ConsumedMessage> batch, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) == 1, this);
        var firsts = batch.GroupBy(m => (m.Topic, m.Partition)).Select(g => g.MinBy(m => m.Offset)!).ToArray();
        if (firsts.Length == 0)
        {
            return Task.CompletedTask;
        }
        return thread.RunAsync(() =>
        {
            var owned = consumer.Assignment.ToHashSet();
            foreach (var first in firsts)
            {
                var partition = new TopicPartition(first.Topic, first.Partition);
                if (owned.Contains(partition))
                {
                    // Seeking drops what the client prefetched past this offset and fetches from here again.
                    consumer.Seek(new TopicPartitionOffset(partition, first.Offset));
                }
            }
            return true;
        });
    }

    private IReadOnlyList<ConsumedMessage> ConsumeBatch(int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var batch = new List<ConsumedMessage>(Math.Min(maxMessages, 512));
        batchInProgress = batch;
        rebalancedDuringPoll = false;
        try
        {
            var started = Stopwatch.GetTimestamp();
            while (batch.Count < maxMessages)
            {
                TimeSpan timeout;
                if (batch.Count > 0)
                {
                    // Once something arrived, take only what is already here.
                    timeout = TimeSpan.Zero;
                }
                else
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                    var remaining = maxWait - Stopwatch.GetElapsedTime(started);
                    timeout = remaining <= TimeSpan.Zero ? TimeSpan.Zero : remaining < PollSlice ? remaining : PollSlice;
                }

                ConsumeResult<byte[], byte[]>? result;
                try
                {
                    result = consumer.Consume(timeout);
                }
                catch (ConsumeException e) when (!e.Error.IsFatal)
                {
                    // e.g. a subscribed topic that does not exist yet: the member keeps polling.
                    logger.LogDebug("kafka consume: {Error}", e.Error);
                    result = null;
                }

                if (result is null || result.IsPartitionEOF)
                {
                    if (batch.Count > 0 || timeout == TimeSpan.Zero && Stopwatch.GetElapsedTime(started) >= maxWait)
                    {
                        break;
                    }
                    continue;
                }
                if (rebalancedDuringPoll)
                {
                    // The assignment changed inside this poll: the caller sees the new assignment before any message read
                    // after the change (a stage may need to prepare for a partition). The message is read again next poll.
                    consumer.Seek(result.TopicPartitionOffset);
                    break;
                }
                batch.Add(ToConsumed(result));
            }
            return batch.ToArray();
        }
        finally
        {
            batchInProgress = null;
        }
    }

    private static ConsumedMessage ToConsumed(ConsumeResult<byte[], byte[]> result) => new(
        result.Topic,
        result.Partition.Value,
        result.Offset.Value,
        result.Message.Key is { } key ? Encoding.UTF8.GetString(key) : string.Empty,
        result.Message.Value ?? [],
        KafkaHeaders.FromKafka(result.Message.Headers),
        DateTimeOffset.FromUnixTimeMilliseconds(result.Message.Timestamp.UnixTimestampMs));

    // Runs inside Consume on the member's thread. Messages of a revoked partition that were read in this poll are
    // dropped: the partition's next owner reads them again from the committed offset.
    private void OnRevoked(string groupId, List<TopicPartitionOffset> partitions, bool lost)
    {
        logger.LogDebug("group {Group} {Change} {Partitions}", groupId, lost ? "lost" : "revoked", partitions);
        rebalancedDuringPoll = true;
        if (batchInProgress is { Count: > 0 } batch)
        {
            var gone = partitions.Select(p => (p.Topic, p.Partition.Value)).ToHashSet();
            batch.RemoveAll(m => gone.Contains((m.Topic, m.Partition)));
        }
    }

    // Runs inside Consume on the member's thread. Another member may have committed a partition since this one last
    // owned it, so what this member knew of it is forgotten.
    private void OnAssigned(string groupId, List<TopicPartition> partitions)
    {
        logger.LogDebug("group {Group} assigned {Partitions}", groupId, partitions);
        rebalancedDuringPoll = true;
        foreach (var partition in partitions)
        {
            committedByThisMember.Remove(partition);
        }
    }

    private void Commit(List<TopicPartitionOffset> offsets)
    {
        // A partition that moved to another member is not ours to commit: its new owner reads it again from the
        // last committed offset (at-least-once), so skipping it loses nothing.
        var owned = consumer.Assignment.ToHashSet();
        offsets.RemoveAll(o => !owned.Contains(o.TopicPartition));
        RemoveBackwardMoves(offsets);
        if (offsets.Count == 0)
        {
            return;
        }
        try
        {
            consumer.Commit(offsets);
            foreach (var offset in offsets)
            {
                committedByThisMember[offset.TopicPartition] = offset.Offset;
            }
        }
        catch (TopicPartitionOffsetException e) when (e.Results.All(r => r.Error.Code == ErrorCode.NoError || LostOwnership(r.Error.Code)))
        {
            logger.LogInformation("kafka commit skipped for partitions that moved: {Error}", e.Error);
        }
        catch (KafkaException e) when (LostOwnership(e.Error.Code))
        {
            logger.LogInformation("kafka commit skipped during a rebalance: {Error}", e.Error);
        }
    }

    // Kafka accepts any offset, lower ones included; a late commit of an older batch must not rewind the group.
    private void RemoveBackwardMoves(List<TopicPartitionOffset> offsets)
    {
        var unknown = offsets.Select(o => o.TopicPartition).Where(p => !committedByThisMember.ContainsKey(p)).ToList();
        if (unknown.Count > 0)
        {
            foreach (var committed in consumer.Committed(unknown, requestTimeout))
            {
                committedByThisMember[committed.TopicPartition] = committed.Offset;
            }
        }
        offsets.RemoveAll(o =>
            committedByThisMember.TryGetValue(o.TopicPartition, out var known) && known != Offset.Unset && o.Offset.Value <= known.Value);
    }

    private static bool LostOwnership(ErrorCode code) => code is ErrorCode.IllegalGeneration or ErrorCode.UnknownMemberId
        or ErrorCode.RebalanceInProgress or ErrorCode.StaleMemberEpoch or ErrorCode.FencedMemberEpoch
        or ErrorCode.Local_State;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }
        await thread.RunAsync(() =>
        {
            try
            {
                // Leaving the group now hands the partitions to the other members without waiting for a timeout.
                consumer.Close();
            }
            catch (KafkaException e)
            {
                logger.LogWarning("kafka consumer close: {Error}", e.Error);
            }
            consumer.Dispose();
            return true;
        }).ConfigureAwait(false);
        thread.Dispose();
        onDisposed(this);
    }
}
