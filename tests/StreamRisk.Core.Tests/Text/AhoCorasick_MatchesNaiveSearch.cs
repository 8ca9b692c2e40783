using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Text;

namespace StreamRisk.Core.Tests.Text;

public class AhoCorasick_MatchesNaiveSearch
{
    [Fact]
    public void Finds_overlapping_and_nested_patterns()
    {
        var automaton = new AhoCorasick(["he", "she", "his", "hers"]);
        var found = automaton.FindAll("ushers").OrderBy(m => m.Start).ThenBy(m => m.Pattern).ToList();
        Assert.Equal(
            [new AhoCorasickMatch(1, 1, 4), new AhoCorasickMatch(0, 2, 4), new AhoCorasickMatch(3, 2, 6)],
            found);
    }

    [Fact]
    public void Reports_every_copy_of_a_repeated_pattern()
    {
        var automaton = new AhoCorasick(["ab", "ab", "b"]);
        Assert.Equal(3, automaton.FindAll("ab").Count);
    }

    [Fact]
    public void Rejects_empty_patterns()
    {
        Assert.Throws<ArgumentException>(() => new AhoCorasick(["a", ""]));
    }

    [Fact]
    public void Handles_characters_beyond_ascii()
    {
        var automaton = new AhoCorasick(["中国石油", "石油化工", "\U0001F600"]);
        var found = automaton.FindAll("中国石油化工\U0001F600");
        Assert.Equal(3, found.Count);
        Assert.Contains(new AhoCorasickMatch(1, 2, 6), found);
        Assert.Contains(new AhoCorasickMatch(2, 6, 8), found);
    }

    private static readonly Gen<string> Word = Gen.Elements('a', 'b', 'c').NonEmptyListOf()
        .Where(chars => chars.Count <= 5).Select(chars => new string(chars.ToArray()));

    private static Arbitrary<(string[] Patterns, string Text)> Cases() =>
        Word.NonEmptyListOf().Where(p => p.Count <= 8).Select(p => p.ToArray())
            .Zip(Gen.Elements('a', 'b', 'c', 'd').ArrayOf().Select(chars => new string(chars)))
            .ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Finds_exactly_what_a_naive_search_finds() =>
        Prop.ForAll(Cases(), c =>
        {
            var (patterns, text) = c;
            var expected = new List<AhoCorasickMatch>();
            for (var p = 0; p < patterns.Length; p++)
            for (var s = 0; s + patterns[p].Length <= text.Length; s++)
                if (string.CompareOrdinal(text, s, patterns[p], 0, patterns[p].Length) == 0)
                    expected.Add(new AhoCorasickMatch(p, s, s + patterns[p].Length));

            var actual = new AhoCorasick(patterns).FindAll(text);
            static IEnumerable<AhoCorasickMatch> Order(IEnumerable<AhoCorasickMatch> ms) =>
                ms.OrderBy(m => m.Start).ThenBy(m => m.End).ThenBy(m => m.Pattern);
            var endOrdered = actual.Zip(actual.Skip(1)).All(p => p.First.End <= p.Second.End);
            return endOrdered && Order(actual).SequenceEqual(Order(expected));
        });
}
