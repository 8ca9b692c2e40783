using FsCheck;
using FsCheck.Xunit;
using StreamRisk.Infrastructure.Postgres;

namespace StreamRisk.Infrastructure.Tests.Postgres;

public sealed class LatestPerKey_Reduction
{
    [Property]
    public bool Last_keeps_the_last_record_of_each_key_in_key_order((byte Key, int Payload)[] records)
    {
        var reduced = LatestPerKey.Last(records, r => r.Key, Comparer<byte>.Default);

        var expected = records.Select((r, i) => (r, i)).GroupBy(x => x.r.Key).OrderBy(g => g.Key).Select(g => g.Last().r);
        return reduced.SequenceEqual(expected);
    }

    [Property]
    public bool HighestRevision_keeps_the_highest_revision_and_the_later_record_on_a_tie((byte Key, byte Revision, int Payload)[] records)
    {
        var reduced = LatestPerKey.HighestRevision(records, r => r.Key, r => r.Revision, Comparer<byte>.Default);

        var expected = records.GroupBy(r => r.Key).OrderBy(g => g.Key)
            .Select(g => g.Where(r => r.Revision == g.Max(x => x.Revision)).Last());
        return reduced.SequenceEqual(expected);
    }

    [Fact]
    public void Issuer_day_keys_order_by_id_ordinally_then_by_day()
    {
        var day = new DateOnly(2024, 3, 1);
        (string, DateOnly)[] keys = [("b", day), ("a", day.AddDays(1)), ("B", day), ("a", day)];

        Array.Sort(keys, IssuerDayOrder.Instance);

        Assert.Equal([("B", day), ("a", day), ("a", day.AddDays(1)), ("b", day)], keys);
    }
}
