using StreamRisk.Core.Reference;
using static StreamRisk.Core.Tests.Reference.ReferenceFiles;

namespace StreamRisk.Core.Tests.Reference;

/// <summary>
/// Issuer names that cannot be matched as written load with a warning naming file, line and field, and the fix-up is
/// visible in the issuers: a name with fewer than two letters or digits is ignored, a name several issuers share is
/// resolved (kept by the issuer whose legal name it is, otherwise removed from all) — never dropped silently.
/// </summary>
public class IssuerTable_NameWarnings
{
    private const string Header = "issuer_id,legal_name,aliases,tickers,industries";

    private static (IReadOnlyList<Issuer> Issuers, List<ReferenceDataWarning> Warnings) Parse(params string[] rows)
    {
        var warnings = new List<ReferenceDataWarning>();
        var issuers = IssuerTable.Parse(Lines("my-issuers.csv", [Header, .. rows]), SampleIndustries, warnings);
        return (issuers, warnings);
    }

    [Fact]
    public void A_clean_file_has_no_warning()
    {
        var (_, warnings) = Parse("texaco,Texaco Inc,Texaco,TX,oil_gas", "texaco_canada,Texaco Canada Inc,Texaco Canada,TXC,oil_gas");
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("-")]
    [InlineData("&")]
    [InlineData(" B. ")]
    public void An_alias_with_fewer_than_two_letters_or_digits_is_ignored_with_a_warning(string alias)
    {
        var (issuers, warnings) = Parse("amex,American Express Co,Amex,AXP,banks", $"acme,Acme Corp,\"Acme|{alias}\",ACM,banks");

        Assert.Equal(["Acme"], issuers[1].Aliases);
        var warning = Assert.Single(warnings);
        Assert.Equal(("my-issuers.csv", 3, "aliases"), (warning.FileName, warning.LineNumber, warning.Field));
        // Lists are trimmed: the warning quotes the alias as loaded.
        Assert.StartsWith($"my-issuers.csv line 3, field 'aliases': alias '{alias.Trim()}' of 'acme' has fewer than 2 letters or digits", warning.Message);
        Assert.Contains("it is ignored", warning.Message);
    }

    [Fact]
    public void A_ticker_without_letters_or_digits_is_ignored_but_a_one_letter_ticker_stays()
    {
        var (issuers, warnings) = Parse("ford,Ford Motor Co,Ford,F|-,banks");

        Assert.Equal(["F"], issuers[0].Tickers);
        var warning = Assert.Single(warnings);
        Assert.StartsWith("my-issuers.csv line 2, field 'tickers': ticker '-' of 'ford' has no letter or digit", warning.Message);
    }

    [Fact]
    public void A_legal_name_too_short_to_match_is_kept_as_the_name_and_reported()
    {
        var (issuers, warnings) = Parse("x,X,X Holdings,XHL,banks");

        Assert.Equal("X", issuers[0].LegalName);
        Assert.StartsWith("my-issuers.csv line 2, field 'legal_name': legal name 'X' of 'x' has fewer than 2 letters or digits", Assert.Single(warnings).Message);
    }

    [Fact]
    public void An_alias_shared_by_two_issuers_is_removed_from_both_and_the_warning_names_it_and_both_issuers()
    {
        var (issuers, warnings) = Parse(
            "amex,American Express Co,Amex|AmEx Bank,AXP,banks",
            "texaco,Texaco Inc,Texaco,TX,oil_gas",
            "amexco,Amex Corporation of Colorado,amex bank|Amexco,AXC,banks");

        Assert.Equal(["Amex"], issuers[0].Aliases);
        Assert.Equal(["Amexco"], issuers[2].Aliases);
        var warning = Assert.Single(warnings);
        Assert.Equal((2, "aliases"), (warning.LineNumber, warning.Field));
        Assert.Equal(
            "my-issuers.csv line 2, field 'aliases': 'AmEx Bank' names 2 issuers: 'amex' (line 2, aliases), 'amexco' (line 4, aliases). "
            + "Resolved: a text using it could mean any of them, so it links to none: it is removed from all their aliases and tickers "
            + "(their other names still link); keep it on the one issuer it means, or make it specific",
            warning.Message);
    }

    [Fact]
    public void A_name_that_is_one_issuers_legal_name_stays_with_it_and_leaves_the_others()
    {
        var (issuers, warnings) = Parse(
            "texaco,Texaco,TX Oil,TX,oil_gas",
            "texaco_canada,Texaco Canada Inc,TEXACO|Texaco Canada,TXC,oil_gas");

        Assert.Equal(["Texaco Canada"], issuers[1].Aliases);
        var warning = Assert.Single(warnings);
        Assert.Equal((3, "aliases"), (warning.LineNumber, warning.Field));
        Assert.Contains("'texaco' (line 2, legal_name), 'texaco_canada' (line 3, aliases)", warning.Message);
        Assert.Contains("it stays with 'texaco', whose legal name it is, and is removed from the aliases and tickers of 'texaco_canada'", warning.Message);
    }

    [Fact]
    public void A_ticker_shared_by_three_issuers_is_reported_once()
    {
        var (issuers, warnings) = Parse(
            "a1,Alpha One Corp,Alpha One,ALP,banks",
            "a2,Alpha Two Corp,Alpha Two,ALP,banks",
            "a3,Alpha Three Corp,Alpha Three,alp|AL3,banks");

        Assert.All(issuers.Take(2), i => Assert.Empty(i.Tickers));
        Assert.Equal(["AL3"], issuers[2].Tickers);
        Assert.Contains("'ALP' names 3 issuers: 'a1' (line 2, tickers), 'a2' (line 3, tickers), 'a3' (line 4, tickers)", Assert.Single(warnings).Message);
    }

    [Fact]
    public void The_whole_reference_set_carries_the_warnings_of_its_issuer_file()
    {
        var data = ReferenceDataParser.Parse(
            Lines("industries.csv", "industry_id,name,sector", "banks,Banks,Financials"),
            Lines("topics.csv", "topic_id,category,name,definition", "rate_hike,economic policy,Rate hike,The central bank raises rates."),
            Lines("topic_industry.csv", "topic_id,industry_id,weight", "rate_hike,banks,-0.3"),
            Lines("issuers.csv", Header, "acme,Acme Corp,A,ACM,banks"));

        Assert.Equal("issuers.csv line 2, field 'aliases'", Assert.Single(data.Warnings).Message.Split(':')[0]);
    }
}
