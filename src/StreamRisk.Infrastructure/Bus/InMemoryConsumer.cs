using StreamRisk.Core.Bus;

namespace StreamRisk.Infrastructure.Bus;

/// <summary>A member of a consumer group of the embedded bus.</summary>
internal sealed class InMemoryConsumer(ConsumerGroup group, GroupMember member, TimeProvider time) : IEventConsumer
{
    private static readonly IReadOnlyList<ConsumedMessage> Nothing = [];

    private readonly Lock _readLock = new();
    private uint _nextFirstPartition;
    private volatile bool _disposed;

    public IReadOnlyList<(string Topic, int Partition)> Assignment => member.Assignment.Partitions;

    public long Lag => group.Lag(member);

    public async Task<IReadOnlyList<ConsumedMessage>> ConsumeAsync(int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();

        var batch = TryRead(maxMessages);
        if (batch.Count > 0 || maxWait <= TimeSpan.Zero)
        {
            return batch;
        }

        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var expired = Task.Delay(maxWait, time, stopWaiting.Token);
        try
        {
            while (true)
            {
                var woken = WhenSomethingChanges();
                batch = TryRead(maxMessages);
                if (batch.Count > 0 || _disposed)
                {
                    return batch;
                }
                if (await Task.WhenAny(woken, expired).ConfigureAwait(false) == expired)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    return TryRead(maxMessages);
                }
            }
        }
        finally
        {
            // Releases the timer at once instead of when maxWait would have passed.
            await stopWaiting.CancelAsync().ConfigureAwait(false);
        }
    }

    public Task CommitAsync(IReadOnlyList<ConsumedMessage> processed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(processed);
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        group.Commit(member, processed);
        return Task.CompletedTask;
    }

    public Task RewindAsync(IReadOnlyList<ConsumedMessage> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_readLock)
        {
            foreach (var first in batch.GroupBy(m => (m.Topic, m.Partition)).Select(g => g.MinBy(m => m.Offset)!))
            {
                foreach (var cursor in member.Assignment.Cursors)
                {
                    if (cursor.Log.Partition == first.Partition && cursor.Log.Topic == first.Topic && cursor.Position > first.Offset)
                    {
                        cursor.Position = first.Offset;
                    }
                }
            }
        }
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            group.Leave(member);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Completes when any owned partition gets a message or the assignment changes.</summary>
    private Task WhenSomethingChanges()
    {
        var cursors = member.Assignment.Cursors;
        var signals = new Task[cursors.Length + 1];
        signals[0] = member.AssignmentChanged.NextAsync();
        for (var i = 0; i < cursors.Length; i++)
        {
            signals[i + 1] = cursors[i].Log.Arrivals.NextAsync();
        }
        return Task.WhenAny(signals);
    }

    /// <summary>
    /// Takes what is readable now, fair across partitions: a first pass gives each owned partition an equal share of
    /// <paramref name="maxMessages"/>, a second fills what is left; the partition served first rotates between calls.
    /// </summary>
    private IReadOnlyList<ConsumedMessage> TryRead(int maxMessages)
    {
        lock (_readLock)
        {
            var cursors = member.Assignment.Cursors;
            var count = cursors.Length;
            long available = 0;
            foreach (var cursor in cursors)
            {
                available += cursor.Available;
            }
            if (available == 0)
            {
                return Nothing;
            }

            var batch = new List<ConsumedMessage>((int)Math.Min(available, maxMessages));
            var first = (int)(_nextFirstPartition++ % (uint)count);
            var share = Math.Max(1, maxMessages / count);
            var remaining = maxMessages;
            for (var pass = 0; pass < 2 && remaining > 0; pass++)
            {
                for (var i = 0; i < count && remaining > 0; i++)
                {
                    var cursor = cursors[(first + i) % count];
                    var take = (int)Math.Min(cursor.Available, pass == 0 ? Math.Min(share, remaining) : remaining);
                    if (take <= 0)
                    {
                        continue;
                    }
                    cursor.Log.CopyTo(cursor.Position, take, batch);
                    cursor.Position += take;
                    remaining -= take;
                }
            }
            return batch;
        }
    }
}
