using StreamRisk.Core.Reference;
using StreamRisk.Core.Text;

namespace StreamRisk.Core.Tests.Text;

/// <summary>
/// Names with fewer than two letters or digits ("A", "-") would match at almost every word boundary; the gazetteer
/// never matches them, even when an issuer list built in code (not loaded and checked) carries them.
/// </summary>
public class GazetteerIssuerRecognizer_ShortNames
{
    private static readonly GazetteerIssuerRecognizer Recognizer = new(
        [
            new Issuer("acme", "Acme Corporation", ["A", "-", "&", "Acme"], ["-", "ACM"], ["banks"]),
            new Issuer("x", "X", [], [], ["banks"]),
            new Issuer("agilent", "Agilent Technologies", [], ["A"], ["banks"]),
        ],
        new IssuerRecognizerOptions { Fuzzy = false });

    [Theory]
    [InlineData("A rose 11 % while B fell 8 %.")]
    [InlineData("Bonds - and loans - were sold; A-rated paper held.")]
    [InlineData("Profit & loss: X marks the spot, A - B = C.")]
    [InlineData("A")]
    [InlineData("-")]
    public void One_letter_and_punctuation_only_names_never_match(string text)
    {
        Assert.Empty(Recognizer.Recognize(text));
    }

    [Fact]
    public void The_issuers_other_names_still_match()
    {
        Assert.Equal(["Acme Corporation", "ACM", "Acme"], Recognizer.Recognize("Acme Corporation (ACM) - A unit of Acme - rose.").Select(m => m.Surface));
    }

    [Fact]
    public void A_one_letter_ticker_matches_only_in_the_reuters_brackets()
    {
        var mention = Assert.Single(Recognizer.Recognize("AGILENT <A> WINS ORDER"), m => m.Surface == "A");
        Assert.Equal("agilent", mention.IssuerId);
        Assert.DoesNotContain(Recognizer.Recognize("A rose"), m => m.IssuerId == "agilent");
    }
}
