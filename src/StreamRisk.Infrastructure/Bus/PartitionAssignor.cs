namespace StreamRisk.Infrastructure.Bus;

/// <summary>
/// How the embedded bus shares a group's partitions among its members: each partition goes to the least-loaded member
/// subscribed to its topic, ties to the member that joined first. Deterministic, and member loads differ by at most one
/// when all members subscribe to the same topics.
/// </summary>
public static class PartitionAssignor
{
    /// <param name="members">Member ids in join order, with the topics each subscribes to.</param>
    /// <param name="partitionCounts">Partition count of every subscribed topic.</param>
    public static Dictionary<int, List<(string Topic, int Partition)>> Assign(
        IReadOnlyList<(int MemberId, IReadOnlyList<string> Topics)> members,
        IReadOnlyDictionary<string, int> partitionCounts)
    {
        var assignment = new Dictionary<int, List<(string Topic, int Partition)>>(members.Count);
        var topics = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (memberId, memberTopics) in members)
        {
            assignment[memberId] = [];
            topics.UnionWith(memberTopics);
        }

        var eligible = new List<int>(members.Count);
        foreach (var topic in topics)
        {
            eligible.Clear();
            foreach (var (memberId, memberTopics) in members)
            {
                if (memberTopics.Contains(topic))
                {
                    eligible.Add(memberId);
                }
            }
            for (var partition = 0; partition < partitionCounts[topic]; partition++)
            {
                var chosen = eligible[0];
                foreach (var memberId in eligible)
                {
                    if (assignment[memberId].Count < assignment[chosen].Count)
                    {
                        chosen = memberId;
                    }
                }
                assignment[chosen].Add((topic, partition));
            }
        }
        return assignment;
    }
}
