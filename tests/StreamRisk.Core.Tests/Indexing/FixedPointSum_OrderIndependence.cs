using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Indexing;

namespace StreamRisk.Core.Tests.Indexing;

public sealed class FixedPointSum_OrderIndependence
{
    [Property(MaxTest = 300)]
    public Property AnyOrder_GivesTheSameBits() => Prop.ForAll(
        (from terms in Gen.NonEmptyListOf(Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 999_983.0))
         from shuffled in Gen.Shuffle(terms.ToArray())
         select (terms.ToArray(), shuffled.ToArray())).ToArbitrary(),
        s =>
        {
            var a = s.Item1.Aggregate(default(FixedPointSum), (sum, x) => sum.Add(x));
            var b = s.Item2.Aggregate(default(FixedPointSum), (sum, x) => sum.Add(x));
            return a == b && Math.Abs(a.Value - s.Item1.Sum()) <= 1e-10 * s.Item1.Length;
        });

    [Fact]
    public void NonFiniteTerm_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => default(FixedPointSum).Add(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => default(FixedPointSum).Add(double.PositiveInfinity));
    }
}
