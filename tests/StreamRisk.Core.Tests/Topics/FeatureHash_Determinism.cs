using FsCheck.Xunit;
using StreamRisk.Core.Topics;

namespace StreamRisk.Core.Tests.Topics;

public class FeatureHash_Determinism
{
    [Property]
    public bool Equal_text_and_seed_give_equal_hashes(string? text, ulong seed)
    {
        var s = text ?? "";
        return FeatureHash.Hash(s, seed) == FeatureHash.Hash(new string(s.ToCharArray()), seed);
    }

    [Fact]
    public void Seeds_and_order_change_the_hash()
    {
        Assert.NotEqual(FeatureHash.Hash("oil", 1), FeatureHash.Hash("oil", 2));
        Assert.NotEqual(FeatureHash.Combine(1, 2, 0), FeatureHash.Combine(2, 1, 0));
    }

    [Fact]
    public void Buckets_spread_evenly()
    {
        const int buckets = 64;
        var counts = new int[buckets];
        for (var k = 0; k < 64_000; k++)
        {
            counts[FeatureHash.Hash("w" + k, 7) % buckets]++;
        }

        // Each bucket expects 1,000; a fair hash stays well within ±20 %.
        Assert.All(counts, c => Assert.InRange(c, 800, 1200));
    }
}
