using StreamRisk.Core.Bus;

namespace StreamRisk.Infrastructure.Bus;

/// <summary>
/// One partition: an append-only list of messages at offsets 0, 1, 2, ... Appends take a lock (they assign offsets);
/// reads take none: a message is fully written before the end offset that exposes it is published.
/// Messages live in fixed-size chunks so that a growing log never copies what it already holds.
/// </summary>
internal sealed class PartitionLog(string topic, int partition)
{
    private const int ChunkBits = 12;
    private const int ChunkSize = 1 << ChunkBits;
    private const long ChunkMask = ChunkSize - 1;

    private readonly Lock _appendLock = new();
    private ConsumedMessage[]?[] _chunks = new ConsumedMessage[8][];
    private long _endOffset;
    private long _startOffset;

    public string Topic { get; } = topic;

    public int Partition { get; } = partition;

    public ArrivalSignal Arrivals { get; } = new();

    /// <summary>The offset the next message will get; every offset from <see cref="StartOffset"/> below it is readable.</summary>
    public long EndOffset => Volatile.Read(ref _endOffset);

    /// <summary>The oldest offset still held; 0 unless <see cref="DiscardBefore"/> dropped older messages.</summary>
    public long StartOffset => Volatile.Read(ref _startOffset);

    /// <summary>
    /// Drops whole chunks of messages below <paramref name="offset"/> (a retention step): the caller guarantees that
    /// no reader will ask for them again, i.e. every group that reads this partition has committed past them.
    /// </summary>
    public void DiscardBefore(long offset)
    {
        lock (_appendLock)
        {
            offset = Math.Min(offset, _endOffset);
            var chunks = _chunks;
            var first = (int)(_startOffset >> ChunkBits);
            var last = (int)(offset >> ChunkBits); // chunks [first, last) lie wholly below offset
            for (var c = first; c < last; c++)
            {
                chunks[c] = null;
            }
            if ((long)last << ChunkBits > _startOffset)
            {
                Volatile.Write(ref _startOffset, (long)last << ChunkBits);
            }
        }
    }

    public ConsumedMessage Append(string key, byte[] value, IReadOnlyDictionary<string, string> headers, TimeProvider time)
    {
        ConsumedMessage message;
        lock (_appendLock)
        {
            var offset = _endOffset;
            var chunkIndex = (int)(offset >> ChunkBits);
            var chunks = _chunks;
            if (chunkIndex == chunks.Length)
            {
                Array.Resize(ref chunks, chunks.Length * 2);
                Volatile.Write(ref _chunks, chunks);
            }
            var chunk = chunks[chunkIndex] ??= new ConsumedMessage[ChunkSize];
            // Stamped inside the lock so that timestamps never go backwards along a partition.
            message = new ConsumedMessage(Topic, Partition, offset, key, value, headers, time.GetUtcNow());
            chunk[offset & ChunkMask] = message;
            Volatile.Write(ref _endOffset, offset + 1);
        }
        Arrivals.Pulse();
        return message;
    }

    /// <summary>Appends messages [<paramref name="from"/>, <paramref name="from"/> + <paramref name="count"/>) to
    /// <paramref name="into"/>; the caller has checked they are below <see cref="EndOffset"/>.</summary>
    public void CopyTo(long from, int count, List<ConsumedMessage> into)
    {
        var chunks = Volatile.Read(ref _chunks);
        var offset = from;
        var end = from + count;
        while (offset < end)
        {
            var chunk = chunks[(int)(offset >> ChunkBits)]
                ?? throw new InvalidOperationException($"{Topic}/{Partition}: offset {offset} was discarded (retention)");
            var start = (int)(offset & ChunkMask);
            var take = (int)Math.Min(ChunkSize - start, end - offset);
            into.AddRange(new ReadOnlySpan<ConsumedMessage>(chunk, start, take));
            offset += take;
        }
    }
}
