using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.IndustryText;
using StreamRisk.Tests.Shared;

namespace StreamRisk.Core.Tests.IndustryText;

public class AnswerGrammar_Build
{
    private static IReadOnlyList<string> ShippedTopicIds() =>
        File.ReadLines(RepositoryRoot.Of("data", "reference", "topics.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList();

    [Fact]
    public void The_grammar_of_the_shipped_topic_list_passes_the_managed_check()
    {
        var gbnf = AnswerGrammar.Build(ShippedTopicIds());
        GbnfGrammar.Validate(gbnf);
        Assert.Contains("reason-char{0,160}", gbnf);
        Assert.Contains("\"\\\"ep_rate_hike\\\"\"", gbnf);
    }

    [Property(MaxTest = 200)]
    public Property Every_grammar_built_from_safe_ids_passes_the_check() =>
        Prop.ForAll(SafeIdLists().ToArbitrary(), Gen.Choose(0, 400).ToArbitrary(), (ids, reason) =>
        {
            GbnfGrammar.Validate(AnswerGrammar.Build(ids, reason));
            return true;
        });

    [Theory]
    [InlineData("a\"b")]
    [InlineData("a\\b")]
    [InlineData("a b")]
    [InlineData("")]
    [InlineData("话题")]
    public void An_id_that_could_break_the_grammar_or_the_JSON_is_refused(string id) =>
        Assert.Throws<ArgumentException>(() => AnswerGrammar.Build(["ok_id", id]));

    [Fact]
    public void An_empty_or_repeating_list_is_refused()
    {
        Assert.Throws<ArgumentException>(() => AnswerGrammar.Build([]));
        Assert.Throws<ArgumentException>(() => AnswerGrammar.Build(["a", "a"]));
    }

    private static Gen<string[]> SafeIdLists()
    {
        const string chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:-";
        var id = Gen.Choose(1, 20).SelectMany(n => Gen.ArrayOf(Gen.Elements(chars.ToCharArray()), n)).Select(c => new string(c));
        return Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(id, n)).Select(a => a.Distinct().ToArray());
    }
}
