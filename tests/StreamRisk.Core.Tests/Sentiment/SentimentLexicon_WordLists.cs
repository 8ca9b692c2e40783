using StreamRisk.Core.Sentiment;

namespace StreamRisk.Core.Tests.Sentiment;

public class SentimentLexicon_WordLists
{
    private static List<KeyValuePair<string, double>> Resource(string name)
    {
        using var stream = typeof(SentimentLexicon).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return LexiconTsv.Parse(reader).ToList();
    }

    [Fact]
    public void Both_word_lists_are_embedded_and_loaded()
    {
        var afinn = Resource(EmbeddedLexicon.ResourceNames[0]);
        var credit = Resource(EmbeddedLexicon.ResourceNames[1]);

        Assert.True(afinn.Count > 3000);
        Assert.True(credit.Count > 50);
        Assert.True(SentimentLexicon.BuiltIn.WordCount + SentimentLexicon.BuiltIn.PhraseCount >= afinn.Select(t => t.Key).Union(credit.Select(t => t.Key), StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Credit_terms_override_the_general_list()
    {
        var grammar = ValenceShifters.Negators.Concat(ValenceShifters.Intensifiers.Select(i => i.Word))
            .Concat(ValenceShifters.ClauseConnectives).Concat(ValenceShifters.ConditionalConnectives)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var (term, score) in Resource(EmbeddedLexicon.ResourceNames[1]).Where(t => !grammar.Contains(t.Key)))
        {
            Assert.Equal(score, SentimentLexicon.BuiltIn.ScoreOf(term) ?? 0);
        }
    }

    [Fact]
    public void Lookup_ignores_case_and_knows_grammar_roles()
    {
        var lexicon = SentimentLexicon.BuiltIn;

        Assert.Equal(lexicon.Lookup("bankruptcy").Score, lexicon.Lookup("BANKRUPTCY").Score);
        Assert.True(lexicon.Lookup("Not").Has(WordRole.Negator));
        Assert.True(lexicon.Lookup("mustn't").Has(WordRole.Negator));
        Assert.True(lexicon.Lookup("sharply").Has(WordRole.Intensifier));
        Assert.True(lexicon.Lookup("whereas").Has(WordRole.ClauseConnective));
        Assert.True(lexicon.Lookup("profit").Has(WordRole.PhraseStart));
    }

    [Fact]
    public void An_unlisted_compound_scores_as_its_listed_parts()
    {
        var lexicon = SentimentLexicon.FromTerms([new("debt", 0), new("laden", -2), new("free", 1)]);

        Assert.Equal(-2f, lexicon.Lookup("debt-laden").Score);
        Assert.Equal(-1f, lexicon.Lookup("laden-free").Score);
        Assert.Equal(default, lexicon.Lookup("debt-ridden"));
    }

    [Fact]
    public void A_malformed_line_is_reported_with_its_number()
    {
        var error = Assert.Throws<FormatException>(() => LexiconTsv.Parse(new StringReader("good\t2\n# note\nbad -2\n")).ToList());

        Assert.Contains("line 3", error.Message);
    }
}
