using StreamRisk.Core.Bus;

namespace StreamRisk.Infrastructure.Bus;

/// <summary>
/// A consumer group of the embedded bus: its live members, who owns which partition, and the committed offsets, which
/// outlive every member. A partition that changes owner is read by its new owner from the committed offset, so what
/// the old owner read but did not commit is delivered again (at-least-once).
/// </summary>
internal sealed class ConsumerGroup(string groupId, Func<string, PartitionLog[]> topicLogs)
{
    private readonly Lock _lock = new();
    private readonly List<GroupMember> _members = [];
    private readonly Dictionary<(string Topic, int Partition), long> _committed = [];
    private readonly HashSet<string> _subscribed = new(StringComparer.Ordinal);
    private int _nextMemberId;

    public string GroupId { get; } = groupId;

    public GroupMember Join(IReadOnlyList<string> topics)
    {
        lock (_lock)
        {
            var member = new GroupMember(_nextMemberId++, topics);
            _subscribed.UnionWith(topics);
            _members.Add(member);
            Rebalance();
            return member;
        }
    }

    public void Leave(GroupMember member)
    {
        lock (_lock)
        {
            if (_members.Remove(member))
            {
                member.Assignment = MemberAssignment.None;
                Rebalance();
            }
        }
    }

    /// <summary>Moves each owned partition's committed offset to one past the highest processed message; a partition the
    /// member no longer owns is skipped (its new owner re-reads it), and an offset never moves backwards.</summary>
    public void Commit(GroupMember member, IReadOnlyList<ConsumedMessage> processed)
    {
        lock (_lock)
        {
            var assignment = member.Assignment;
            for (var i = 0; i < processed.Count; i++)
            {
                var message = processed[i];
                if (!assignment.Owns(message.Topic, message.Partition))
                {
                    continue;
                }
                var key = (message.Topic, message.Partition);
                if (!_committed.TryGetValue(key, out var committed) || committed < message.Offset + 1)
                {
                    _committed[key] = message.Offset + 1;
                }
            }
        }
    }

    /// <summary>The group's committed offset of a partition (0 if none), or null if no member ever subscribed to the topic.</summary>
    public long? CommittedFor(string topic, int partition)
    {
        lock (_lock)
        {
            return _subscribed.Contains(topic) ? _committed.GetValueOrDefault((topic, partition)) : null;
        }
    }

    public long Lag(GroupMember member)
    {
        lock (_lock)
        {
            long lag = 0;
            foreach (var cursor in member.Assignment.Cursors)
            {
                lag += cursor.Log.EndOffset - _committed.GetValueOrDefault((cursor.Log.Topic, cursor.Log.Partition));
            }
            return lag;
        }
    }

    private void Rebalance()
    {
        var partitionCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var members = new List<(int MemberId, IReadOnlyList<string> Topics)>(_members.Count);
        foreach (var member in _members)
        {
            members.Add((member.Id, member.Topics));
            foreach (var topic in member.Topics)
            {
                partitionCounts[topic] = topicLogs(topic).Length;
            }
        }

        var plan = PartitionAssignor.Assign(members, partitionCounts);
        foreach (var member in _members)
        {
            var previous = member.Assignment;
            var owned = plan[member.Id];
            var cursors = new PartitionCursor[owned.Count];
            var unchanged = owned.Count == previous.Cursors.Length;
            for (var i = 0; i < owned.Count; i++)
            {
                var (topic, partition) = owned[i];
                // A partition the member keeps keeps its read position; a newly owned one starts at the commit.
                cursors[i] = Array.Find(previous.Cursors, c => c.Log.Partition == partition && c.Log.Topic == topic)
                    ?? new PartitionCursor(topicLogs(topic)[partition], _committed.GetValueOrDefault((topic, partition)));
                unchanged = unchanged && ReferenceEquals(cursors[i], previous.Cursors[i]);
            }
            if (!unchanged)
            {
                member.Assignment = new MemberAssignment(cursors);
            }
        }
    }
}
