using StreamRisk.Core.Reference;
using StreamRisk.Core.Text;

namespace StreamRisk.Core.Tests.Text;

public class GazetteerIssuerRecognizer_Tickers
{
    private static readonly GazetteerIssuerRecognizer Recognizer = new(
        [
            new Issuer("exxon", "Exxon Corporation", [], ["XON"], ["energy"]),
            new Issuer("ford", "Ford Motor Company", [], ["F"], ["autos"]),
            new Issuer("chemical", "Chemical Banking Corp", [], ["CHL"], ["banks"]),
        ],
        new IssuerRecognizerOptions { Fuzzy = false });

    [Fact]
    public void Matches_the_reuters_form_in_angle_brackets()
    {
        const string text = "EXXON <XON> RAISES CRUDE POSTINGS";
        var mentions = Recognizer.Recognize(text);
        var ticker = Assert.Single(mentions, m => m.Surface == "XON");
        Assert.Equal(("exxon", 7, 10, "exact", 1.0), (ticker.IssuerId, ticker.Start, ticker.End, ticker.Method, ticker.Similarity));
    }

    [Fact]
    public void Matches_a_bare_ticker_as_a_whole_word()
    {
        var mention = Assert.Single(Recognizer.Recognize("Shares of XON fell 2%."));
        Assert.Equal("exxon", mention.IssuerId);
    }

    [Theory]
    [InlineData("xon rose")]
    [InlineData("Xon rose")]
    [InlineData("XONX rose")]
    [InlineData("AXON rose")]
    [InlineData("XON2 rose")]
    public void Does_not_match_another_case_or_part_of_a_word(string text)
    {
        Assert.Empty(Recognizer.Recognize(text));
    }

    [Fact]
    public void Trusts_one_letter_tickers_only_in_angle_brackets()
    {
        Assert.Empty(Recognizer.Recognize("F rated the notes. Plan F failed."));
        var mention = Assert.Single(Recognizer.Recognize("RECALL AT <F> WIDENS"));
        Assert.Equal(("ford", "F"), (mention.IssuerId, mention.Surface));
    }

    [Fact]
    public void Matches_full_width_tickers()
    {
        var mention = Assert.Single(Recognizer.Recognize("株価　ＣＨＬ　上昇"));
        Assert.Equal(("chemical", "ＣＨＬ"), (mention.IssuerId, mention.Surface));
    }
}
