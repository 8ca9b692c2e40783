using StreamRisk.Core.Reference;
using static StreamRisk.Core.Tests.Reference.ReferenceFiles;

namespace StreamRisk.Core.Tests.Reference;

public class IssuerTable_Validation
{
    private const string Header = "issuer_id,legal_name,aliases,tickers,industries";

    private static IReadOnlyList<Issuer> Parse(params string[] rows) =>
        IssuerTable.Parse(Lines("issuers.csv", [Header, .. rows]), SampleIndustries);

    [Fact]
    public void Lists_are_split_on_bars_trimmed_and_may_be_empty()
    {
        var issuers = Parse(
            "sinopec,中国石油化工股份有限公司,Sinopec| 中国石化 |,600028|SNP,oil_gas|banks",
            "\"merrill\",\"Merrill Lynch, Pierce, Fenner and Smith Inc\",,,banks");

        Assert.Equal(["Sinopec", "中国石化"], issuers[0].Aliases);
        Assert.Equal(["600028", "SNP"], issuers[0].Tickers);
        Assert.Equal(["oil_gas", "banks"], issuers[0].IndustryIds);
        Assert.Equal("Merrill Lynch, Pierce, Fenner and Smith Inc", issuers[1].LegalName);
        Assert.Empty(issuers[1].Aliases);
        Assert.Empty(issuers[1].Tickers);
    }

    [Fact]
    public void Unknown_industry_names_line_field_and_where_ids_live()
    {
        var e = Assert.Throws<ReferenceDataException>(() => Parse("a,A Corp,,,banks", "b,B Corp,,,oil_gas|IND99"));

        Assert.Equal("issuers.csv line 3, field 'industries': unknown industry 'IND99' (known ids are in industries.csv)", e.Message);
    }

    [Fact]
    public void Issuer_without_industry_is_rejected()
    {
        var e = Assert.Throws<ReferenceDataException>(() => Parse("a,A Corp,Alias,AC, | "));

        Assert.Equal(2, e.LineNumber);
        Assert.Equal("industries", e.Field);
    }

    [Fact]
    public void Industry_listed_twice_is_rejected()
    {
        var e = Assert.Throws<ReferenceDataException>(() => Parse("a,A Corp,,,banks|banks"));

        Assert.Contains("listed twice", e.Message);
    }

    [Fact]
    public void Duplicate_issuer_id_is_rejected()
    {
        var e = Assert.Throws<ReferenceDataException>(() => Parse("a,A Corp,,,banks", "a,Other Corp,,,airlines"));

        Assert.Equal(3, e.LineNumber);
        Assert.Equal("issuer_id", e.Field);
    }

    [Fact]
    public void Empty_legal_name_is_rejected()
    {
        var e = Assert.Throws<ReferenceDataException>(() => Parse("a,,,,banks"));

        Assert.Equal("legal_name", e.Field);
    }

    [Fact]
    public void Parser_cross_checks_all_four_files()
    {
        var data = ReferenceDataParser.Parse(
            Lines("industries.csv", "industry_id,name,sector", "banks,Banks,Financials"),
            Lines("topics.csv", "topic_id,category,name,definition", "t1,domestic finance,Bad loans,Banks report bad loans."),
            Lines("topic_industry.csv", "topic_id,industry_id,weight", "t1,banks,-0.8"),
            Lines("issuers.csv", Header, "bny,Bank of New York Co,BNY,BK,banks"));

        Assert.Single(data.Industries);
        Assert.Single(data.Topics);
        Assert.Equal(-0.8, data.TopicIndustryMatrix[0].Weight);
        Assert.Equal("bny", data.Issuers[0].IssuerId);
    }
}
