using StreamRisk.Core.Reference;
using StreamRisk.Core.Text;

namespace StreamRisk.Core.Tests.Text;

public class FuzzyIssuerLinker_NearMisses
{
    private static readonly Issuer[] Issuers =
    [
        new("chevron", "Chevron Corporation", [], ["CVX"], ["energy"]),
        new("exxon", "Exxon Mobil Corporation", ["ExxonMobil"], ["XOM"], ["energy"]),
        new("mondelez", "Mondelez International", ["Mondelez"], ["MDLZ"], ["food"]),
        new("comcast", "Comcast Corporation", ["Comcast"], ["CMCSA"], ["media"]),
        new("bofa", "Bank of America Corporation", [], ["BAC"], ["banks"]),
        new("kia", "Kia Corporation", ["Kia"], [], ["autos"]),
        new("priva", "Priva Holdings", ["Priva"], [], ["software"]),
    ];

    private static readonly GazetteerIssuerRecognizer Recognizer = new(Issuers);

    [Fact]
    public void Links_a_misspelled_legal_form_to_the_issuer()
    {
        const string text = "Chevron Corporaton raised its dividend.";
        var mention = Assert.Single(Recognizer.Recognize(text));
        Assert.Equal(("chevron", "Chevron Corporaton", 0, 18, "fuzzy"), (mention.IssuerId, mention.Surface, mention.Start, mention.End, mention.Method));
        Assert.InRange(mention.Similarity, 0.9, 0.999);
    }

    [Fact]
    public void Links_a_misspelled_name_to_the_issuer()
    {
        const string text = "Analysts said Exxon Mobill would cut costs.";
        var mention = Assert.Single(Recognizer.Recognize(text));
        Assert.Equal(("exxon", "Exxon Mobill", 14, "fuzzy"), (mention.IssuerId, mention.Surface, mention.Start, mention.Method));
        Assert.InRange(mention.Similarity, 0.8, 0.999);
    }

    [Fact]
    public void Links_misspellings_inside_title_case_headlines_and_across_connectors()
    {
        var mentions = Recognizer.Recognize("Bank of Amerca Downgrades Chevorn After Results");
        Assert.Equal([("bofa", "Bank of Amerca"), ("chevron", "Chevorn")], mentions.Select(m => (m.IssuerId, m.Surface)));
        Assert.All(mentions, m => Assert.Equal("fuzzy", m.Method));
    }

    [Theory]
    [InlineData("The Company said profits fell.")]
    [InlineData("On Monday the firm said it would pay.")]
    [InlineData("This Group expects growth.")]
    [InlineData("Shares of Kai rose.")]
    [InlineData("Chevron Shares Fell")]
    [InlineData("Analyst Priya said the outlook was stable.")]
    public void Does_not_link_common_words_short_words_or_loose_resemblances(string text)
    {
        Assert.DoesNotContain(Recognizer.Recognize(text), m => m.Method == "fuzzy");
    }

    [Fact]
    public void Keeps_an_exact_short_name_when_the_next_word_does_not_complete_the_legal_name()
    {
        var mention = Assert.Single(Recognizer.Recognize("Chevron Shares Fell"));
        Assert.Equal(("chevron", "Chevron", "exact"), (mention.IssuerId, mention.Surface, mention.Method));
    }

    [Fact]
    public void Uses_the_configured_threshold()
    {
        var strict = new GazetteerIssuerRecognizer(Issuers, new IssuerRecognizerOptions { FuzzyThreshold = 0.99, StrictFuzzyThreshold = 0.99 });
        Assert.Empty(strict.Recognize("Analysts said Exxon Mobill would cut costs."));
        var off = new GazetteerIssuerRecognizer(Issuers, new IssuerRecognizerOptions { Fuzzy = false });
        Assert.Empty(off.Recognize("Analysts said Exxon Mobill would cut costs."));
    }

    [Fact]
    public void Does_not_relink_words_already_inside_an_exact_mention()
    {
        var mentions = Recognizer.Recognize("Exxon Mobil Corporation and CVX");
        Assert.Equal([("exxon", "exact"), ("chevron", "exact")], mentions.Select(m => (m.IssuerId, m.Method)));
    }
}
