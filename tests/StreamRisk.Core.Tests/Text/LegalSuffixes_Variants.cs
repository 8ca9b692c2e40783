using StreamRisk.Core.Reference;
using StreamRisk.Core.Text;

namespace StreamRisk.Core.Tests.Text;

public class LegalSuffixes_Variants
{
    [Theory]
    [InlineData("toyota motor corp", new[] { "toyota motor", "toyota motor corporation" })]
    [InlineData("apple inc.", new[] { "apple", "apple incorporated" })]
    [InlineData("foo holdings co., ltd.", new[] { "foo holdings co", "foo holdings co limited", "foo holdings", "foo holdings company" })]
    [InlineData("ping an insurance (group) company of china, ltd.", new[] { "ping an insurance (group) company of china", "ping an insurance (group) company of china limited" })]
    [InlineData("中国石油化工股份有限公司", new[] { "中国石油化工" })]
    [InlineData("siemens ag", new[] { "siemens" })]
    public void Removes_trailing_legal_forms_while_the_name_stays_distinctive(string name, string[] expected)
    {
        Assert.Equal(expected, LegalSuffixes.Variants(name));
    }

    [Theory]
    [InlineData("bp p.l.c.")]
    [InlineData("ibm corp")]
    [InlineData("3m co")]
    [InlineData("exxon mobil")]
    [InlineData("group")]
    public void Gives_no_variant_when_the_rest_would_be_too_short_or_there_is_no_legal_form(string name)
    {
        Assert.Empty(LegalSuffixes.Variants(name));
    }

    [Theory]
    [InlineData("exxon mobil corp.", "exxon mobil")]
    [InlineData("the company", "the")]
    [InlineData("holdings group ltd", "")]
    [InlineData("chevron corporaton", "chevron corporaton")]
    public void Strips_every_trailing_legal_form_for_linking(string span, string expected)
    {
        Assert.Equal(expected, LegalSuffixes.StripAll(span).ToString());
    }

    [Fact]
    public void Recognizer_matches_names_without_or_with_another_spelling_of_their_legal_form()
    {
        var recognizer = new GazetteerIssuerRecognizer(
            [
                new Issuer("toyota", "Toyota Motor Corporation", [], [], ["autos"]),
                new Issuer("apple", "Apple Inc.", [], [], ["tech"]),
                new Issuer("bp", "BP p.l.c.", [], [], ["energy"]),
            ],
            new IssuerRecognizerOptions { Fuzzy = false });

        var mentions = recognizer.Recognize("Toyota Motor Corp and Toyota Motor beat Apple; bp lagged.");

        Assert.Equal(["Toyota Motor Corp", "Toyota Motor", "Apple"], mentions.Select(m => m.Surface));
        Assert.All(mentions, m => Assert.Equal(("exact", 1.0), (m.Method, m.Similarity)));
    }

    [Fact]
    public void An_explicit_name_of_one_issuer_beats_a_variant_of_another()
    {
        var recognizer = new GazetteerIssuerRecognizer(
            [
                new Issuer("holding", "Orion Group Holdings", [], [], ["industrials"]),
                new Issuer("group", "Orion Group", [], [], ["industrials"]),
            ],
            new IssuerRecognizerOptions { Fuzzy = false });

        Assert.Equal("group", Assert.Single(recognizer.Recognize("Orion Group said")).IssuerId);
        Assert.Equal("holding", Assert.Single(recognizer.Recognize("Orion Group Holdings said")).IssuerId);
    }
}
