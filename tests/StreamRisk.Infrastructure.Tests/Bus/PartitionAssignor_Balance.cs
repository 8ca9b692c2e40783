using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Infrastructure.Bus;

namespace StreamRisk.Infrastructure.Tests.Bus;

/// <summary>Every partition has exactly one owner among the members subscribed to its topic, and loads stay even.</summary>
public sealed class PartitionAssignor_Balance
{
    [Property(MaxTest = 100)]
    public Property Each_partition_goes_to_exactly_one_subscribed_member(byte[] subscriptions, byte[] partitionCounts)
    {
        var topics = Enumerable.Range(0, Math.Clamp(partitionCounts.Length, 1, 5)).Select(t => $"topic{t}").ToArray();
        var counts = topics.Select((t, i) => (t, i < partitionCounts.Length ? partitionCounts[i] % 17 + 1 : 1)).ToDictionary(x => x.t, x => x.Item2);
        var members = subscriptions.Take(8).Select((bits, id) =>
            (id, (IReadOnlyList<string>)topics.Where((_, t) => (bits >> t & 1) == 1 || t == id % topics.Length).ToList())).ToList();

        var plan = PartitionAssignor.Assign(members, counts);

        var owners = plan.SelectMany(kv => kv.Value.Select(p => (p, member: kv.Key))).ToList();
        var subscribed = counts.Where(c => members.Any(m => m.Item2.Contains(c.Key))).Sum(c => c.Value);
        return (owners.Count == subscribed
                && owners.Select(o => o.p).Distinct().Count() == owners.Count
                && owners.All(o => members.Single(m => m.id == o.member).Item2.Contains(o.p.Topic)))
            .Label($"members={members.Count}");
    }

    [Property(MaxTest = 200)]
    public Property With_one_subscription_for_all_loads_differ_by_at_most_one(PositiveInt memberCount, byte[] partitionCounts)
    {
        var topics = Enumerable.Range(0, Math.Clamp(partitionCounts.Length, 1, 5)).Select(t => $"topic{t}").ToList();
        var counts = topics.Select((t, i) => (t, i < partitionCounts.Length ? partitionCounts[i] % 33 + 1 : 1)).ToDictionary(x => x.t, x => x.Item2);
        var members = Enumerable.Range(0, memberCount.Get % 9 + 1).Select(id => (id, (IReadOnlyList<string>)topics)).ToList();

        var loads = PartitionAssignor.Assign(members, counts).Values.Select(v => v.Count).ToList();

        return (loads.Max() - loads.Min() <= 1 && loads.Sum() == counts.Values.Sum()).Label(string.Join(",", loads));
    }

    [Fact]
    public void The_plan_depends_only_on_its_inputs()
    {
        IReadOnlyList<string> topics = ["b", "a"];
        var members = new List<(int, IReadOnlyList<string>)> { (3, topics), (7, topics), (9, ["a"]) };
        var counts = new Dictionary<string, int> { ["a"] = 5, ["b"] = 4 };

        var first = PartitionAssignor.Assign(members, counts);
        var second = PartitionAssignor.Assign(members, counts);

        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first.Keys, k => Assert.Equal(first[k], second[k]));
        // Topics in name order, each partition to the least-loaded subscriber, ties to the earliest joined:
        // a0→3 a1→7 a2→9 a3→3 a4→7, then (9 not subscribed) b0→3 b1→7 b2→3 b3→7.
        Assert.Equal([("a", 0), ("a", 3), ("b", 0), ("b", 2)], first[3]);
        Assert.Equal([("a", 2)], first[9]);
    }
}
