using StreamRisk.Core.Reference;
using StreamRisk.Core.Text;

namespace StreamRisk.Core.Tests.Text;

public class GazetteerIssuerRecognizer_WordBoundaries
{
    private static readonly GazetteerIssuerRecognizer Recognizer = new(
        [
            new Issuer("exxon", "Exxon Mobil Corporation", ["Exxon", "ExxonMobil"], ["XOM"], ["energy"]),
            new Issuer("bp", "BP p.l.c.", ["BP"], ["BP"], ["energy"]),
        ],
        new IssuerRecognizerOptions { Fuzzy = false });

    [Theory]
    [InlineData("Shares of Exxonmobilx rose.")]
    [InlineData("The BPX index fell.")]
    [InlineData("unexxon is not a name")]
    [InlineData("Exxon2 is a fund")]
    public void Does_not_match_inside_a_latin_word(string text)
    {
        Assert.Empty(Recognizer.Recognize(text));
    }

    [Fact]
    public void Finds_the_whole_word_among_words_that_contain_it()
    {
        const string text = "BPX and XBP are not BP's tickers";
        var mention = Assert.Single(Recognizer.Recognize(text));
        Assert.Equal(("bp", text.IndexOf("BP'", StringComparison.Ordinal)), (mention.IssuerId, mention.Start));
    }

    [Theory]
    [InlineData("Exxon's refinery", "Exxon")]
    [InlineData("(Exxon) said", "Exxon")]
    [InlineData("Exxon-led group", "Exxon")]
    [InlineData("shares of BP, Shell", "BP")]
    [InlineData("BP.", "BP")]
    public void Matches_between_punctuation_and_at_text_edges(string text, string surface)
    {
        var mention = Assert.Single(Recognizer.Recognize(text));
        Assert.Equal(surface, mention.Surface);
    }

    [Fact]
    public void Short_acronyms_match_with_their_case_only()
    {
        Assert.Empty(Recognizer.Recognize("the bp of the patient"));
        Assert.Single(Recognizer.Recognize("the BP of the patient"));
    }
}
