using StreamRisk.Core.Ingest;

namespace StreamRisk.Core.Tests.Ingest;

public class DuplicateFilter_Behaviour
{
    [Fact]
    public void Same_id_or_same_hash_is_a_duplicate()
    {
        var filter = new DuplicateFilter();
        Assert.True(filter.TryAdd("a", "h1"));
        Assert.False(filter.TryAdd("a", "h2"));
        Assert.False(filter.TryAdd("b", "h1"));
        Assert.True(filter.TryAdd("c", "h3"));
        Assert.Equal(2, filter.Count);
    }
}
