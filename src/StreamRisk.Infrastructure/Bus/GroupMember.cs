namespace StreamRisk.Infrastructure.Bus;

/// <summary>One consumer's membership in a group: what it subscribed to and what it owns now.</summary>
internal sealed class GroupMember(int id, IReadOnlyList<string> topics)
{
    private MemberAssignment _assignment = MemberAssignment.None;

    public int Id { get; } = id;

    public IReadOnlyList<string> Topics { get; } = topics;

    /// <summary>Pulsed when a rebalance changes what this member owns, so that a waiting consume looks again.</summary>
    public ArrivalSignal AssignmentChanged { get; } = new();

    public MemberAssignment Assignment
    {
        get => Volatile.Read(ref _assignment);
        set
        {
            Volatile.Write(ref _assignment, value);
            AssignmentChanged.Pulse();
        }
    }
}

/// <summary>The partitions a member owns, with its cursor in each; replaced as a whole on rebalance.</summary>
internal sealed class MemberAssignment(PartitionCursor[] cursors)
{
    public static readonly MemberAssignment None = new([]);

    public PartitionCursor[] Cursors { get; } = cursors;

    public IReadOnlyList<(string Topic, int Partition)> Partitions { get; } =
        Array.ConvertAll(cursors, c => (c.Log.Topic, c.Log.Partition));

    public bool Owns(string topic, int partition)
    {
        foreach (var cursor in Cursors)
        {
            if (cursor.Log.Partition == partition && cursor.Log.Topic == topic)
            {
                return true;
            }
        }
        return false;
    }
}
