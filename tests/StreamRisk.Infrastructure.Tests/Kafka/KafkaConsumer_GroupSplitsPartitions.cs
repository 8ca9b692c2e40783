using System.Diagnostics;
using System.Text;
using StreamRisk.Core.Bus;
using StreamRisk.Tests.Shared.Kafka;
using StreamRisk.Core.Events;

namespace StreamRisk.Infrastructure.Tests.Kafka;

/// <summary>Three workers of one stage share a catalog topic: each partition has one owner, each issuer's messages go
/// to one worker, in order, and together they see every message once.</summary>
public sealed class KafkaConsumer_GroupSplitsPartitions(MockKafkaCluster cluster) : IClassFixture<MockKafkaCluster>
{
    [Fact]
    public async Task Three_members_share_the_partitions_and_each_issuer_stays_with_one_member()
    {
        var topic = cluster.Catalog.Find(Topics.DailySentiment)!;
        var group = $"scorers-{Guid.NewGuid():N}";
        await using var bus = cluster.CreateBus();
        var members = Enumerable.Range(0, 3).Select(_ => bus.CreateConsumer(group, [topic.Name])).ToList();

        var clock = Stopwatch.StartNew();
        while (members.Any(m => m.Assignment.Count == 0) || members.Sum(m => m.Assignment.Count) != topic.Partitions)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the group did not settle");
            foreach (var member in members)
            {
                Assert.Empty(await member.ConsumeAsync(1, TimeSpan.FromMilliseconds(20)));
            }
        }
        var owners = members.SelectMany((m, i) => m.Assignment.Select(a => (a.Partition, Member: i))).ToList();
        Assert.Equal(topic.Partitions, owners.Select(o => o.Partition).Distinct().Count());

        const int Issuers = 60, PerIssuer = 10;
        await using (var producer = bus.CreateProducer())
        {
            for (var n = 0; n < PerIssuer; n++)
            {
                for (var i = 0; i < Issuers; i++)
                {
                    await producer.ProduceAsync(topic.Name, new BusMessage($"ISS{i:0000}", Encoding.UTF8.GetBytes(n.ToString())));
                }
            }
            await producer.FlushAsync();
        }

        var seen = members.Select(_ => new List<ConsumedMessage>()).ToList();
        clock.Restart();
        while (seen.Sum(s => s.Count) < Issuers * PerIssuer && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            for (var i = 0; i < members.Count; i++)
            {
                var batch = await members[i].ConsumeAsync(100, TimeSpan.FromMilliseconds(20));
                seen[i].AddRange(batch);
                await members[i].CommitAsync(batch);
            }
        }

        Assert.Equal(Issuers * PerIssuer, seen.Sum(s => s.Count));
        Assert.All(seen, s => Assert.NotEmpty(s));
        var ownerOf = owners.ToDictionary(o => o.Partition, o => o.Member);
        for (var i = 0; i < members.Count; i++)
        {
            Assert.All(seen[i], m => Assert.Equal(i, ownerOf[m.Partition]));
            Assert.All(seen[i], m => Assert.Equal(KeyPartitioner.PartitionFor(m.Key, topic.Partitions), m.Partition));
            foreach (var issuer in seen[i].GroupBy(m => m.Key))
            {
                Assert.Equal(Enumerable.Range(0, PerIssuer), issuer.Select(m => int.Parse(Encoding.UTF8.GetString(m.Value))));
            }
        }
        foreach (var member in members)
        {
            await member.DisposeAsync();
        }
    }
}
