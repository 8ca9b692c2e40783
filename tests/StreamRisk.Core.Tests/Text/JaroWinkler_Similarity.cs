using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Text;

namespace StreamRisk.Core.Tests.Text;

public class JaroWinkler_Similarity
{
    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.9611)]
    [InlineData("DIXON", "DICKSONX", 0.8133)]
    [InlineData("DWAYNE", "DUANE", 0.8400)]
    [InlineData("JELLYFISH", "SMELLYFISH", 0.8963)]
    public void Matches_published_values(string a, string b, double expected)
    {
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 4);
    }

    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.9444)]
    [InlineData("DIXON", "DICKSONX", 0.7667)]
    public void Jaro_alone_has_no_prefix_bonus(string a, string b, double expected)
    {
        Assert.Equal(expected, JaroWinkler.Jaro(a, b), 4);
    }

    [Fact]
    public void Handles_empty_and_disjoint_strings()
    {
        Assert.Equal(1.0, JaroWinkler.Similarity("", ""));
        Assert.Equal(0.0, JaroWinkler.Similarity("abc", ""));
        Assert.Equal(0.0, JaroWinkler.Similarity("abc", "xyz"));
    }

    private static Arbitrary<(string A, string B)> Pairs()
    {
        var word = Gen.Elements('a', 'b', 'c', 'd', 'e', ' ').ArrayOf().Select(c => new string(c));
        return word.Zip(word).ToArbitrary();
    }

    [Property(MaxTest = 500)]
    public Property Lies_between_zero_and_one() =>
        Prop.ForAll(Pairs(), p => JaroWinkler.Similarity(p.A, p.B) is >= 0 and <= 1);

    [Property(MaxTest = 500)]
    public Property Is_symmetric() =>
        Prop.ForAll(Pairs(), p => JaroWinkler.Similarity(p.A, p.B) == JaroWinkler.Similarity(p.B, p.A));

    [Property(MaxTest = 300)]
    public Property Is_one_for_equal_strings() =>
        Prop.ForAll(Pairs(), p => JaroWinkler.Similarity(p.A, p.A) == 1.0);

    [Property(MaxTest = 500)]
    public Property Upper_bound_is_never_below_the_similarity() =>
        Prop.ForAll(Pairs(), p =>
            JaroWinkler.UpperBound(p.A.Length, p.B.Length, JaroWinkler.CommonPrefix(p.A, p.B))
            >= JaroWinkler.Similarity(p.A, p.B) - 1e-12);
}
