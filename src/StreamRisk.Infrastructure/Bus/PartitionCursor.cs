namespace StreamRisk.Infrastructure.Bus;

/// <summary>A group member's read position in one partition it owns. Only the owning consumer moves it.</summary>
internal sealed class PartitionCursor(PartitionLog log, long position)
{
    public PartitionLog Log { get; } = log;

    public long Position { get; set; } = position;

    public long Available => Log.EndOffset - Position;
}
