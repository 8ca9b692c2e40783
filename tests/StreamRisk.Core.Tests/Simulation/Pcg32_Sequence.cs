using FsCheck.Xunit;
using StreamRisk.Core.Simulation;

namespace StreamRisk.Core.Tests.Simulation;

public sealed class Pcg32_Sequence
{
    [Property]
    public bool Same_seed_and_stream_give_the_same_numbers(ulong seed, ulong stream)
    {
        var a = new Pcg32(seed, stream);
        var b = new Pcg32(seed, stream);
        for (var i = 0; i < 64; i++)
            if (a.NextUInt() != b.NextUInt()) return false;
        return true;
    }

    [Property]
    public bool Different_streams_diverge(ulong seed)
    {
        var a = Pcg32.ForStream(seed, "latent");
        var b = Pcg32.ForStream(seed, "news");
        var equal = 0;
        for (var i = 0; i < 16; i++)
            if (a.NextUInt() == b.NextUInt()) equal++;
        return equal < 2;
    }

    [Property]
    public bool NextInt_stays_below_its_bound(ulong seed, FsCheck.PositiveInt bound)
    {
        var random = new Pcg32(seed, 7);
        for (var i = 0; i < 32; i++)
        {
            var value = random.NextInt(bound.Get);
            if (value < 0 || value >= bound.Get) return false;
        }

        return true;
    }

    [Property]
    public bool NextDouble_is_in_the_unit_interval(ulong seed)
    {
        var random = new Pcg32(seed, 3);
        for (var i = 0; i < 64; i++)
        {
            var value = random.NextDouble();
            if (value is < 0 or >= 1) return false;
        }

        return true;
    }

    [Fact]
    public void Stream_id_is_a_fixed_function_of_the_name()
    {
        Assert.Equal(Pcg32.StreamId("latent"), Pcg32.StreamId("latent"));
        Assert.NotEqual(Pcg32.StreamId("latent"), Pcg32.StreamId("latenT"));
        Assert.Equal(14695981039346656037UL, Pcg32.StreamId(""));
    }
}
