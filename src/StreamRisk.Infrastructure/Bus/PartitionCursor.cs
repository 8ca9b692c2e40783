namespace StreamRisk.Infrastructure.Bus;

/// <summary>A group member's read position in one partition it owns. Only the owning consumer moves it.</summary>
internal sealed class PartitionCursor(PartitionLog log, long position)
{
    public PartitionLog Log { get; } = log;

    private long _position = position;

    /// <summary>Never below the log's oldest retained offset: like a broker, a position lost to retention moves to the earliest.</summary>
    public long Position
    {
        get => Math.Max(_position, Log.StartOffset);
        set => _position = value;
    }

    public long Available => Log.EndOffset - Position;
}
