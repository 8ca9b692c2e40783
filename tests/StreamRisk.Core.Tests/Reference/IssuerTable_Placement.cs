using StreamRisk.Core.Graph;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Topics;
using static StreamRisk.Core.Tests.Reference.ReferenceFiles;

namespace StreamRisk.Core.Tests.Reference;

/// <summary>Issuers listed without industries are placed by their description; one with neither is an error saying what to add.</summary>
public sealed class IssuerTable_Placement
{
    private const string Header = "issuer_id,legal_name,aliases,tickers,industries,description";

    private static readonly IReadOnlyList<Industry> Industries = IndustryTable.Parse(Lines("industries.csv",
        "industry_id,name,sector,definition",
        "oil_gas,Oil and gas,Energy,Companies that drill for and produce crude oil and natural gas from oil fields.",
        "airlines,Airlines,Industrials,\"Passenger and cargo airlines that fly scheduled routes; fuel prices and fares drive results.\"",
        "banks,Banks,Financials,Deposit-taking banks that lend to households and companies."));

    private static IReadOnlyList<Issuer> Parse(IssuerPlacementOptions? options, params string[] rows) =>
        IssuerTable.Parse(Lines("issuers.csv", [Header, .. rows]), Industries, null, options);

    [Fact]
    public void An_issuer_without_industries_is_placed_by_its_description_and_says_so()
    {
        var issuers = Parse(null,
            "acme,Acme Petroleum Corp,Acme,,,Drills wells and produces crude oil and natural gas.",
            "fly,Fly Air Inc,Fly Air,,airlines,Flies passengers.");

        Assert.Equal(["oil_gas"], issuers[0].IndustryIds);
        var placement = Assert.Single(issuers[0].Placement!);
        Assert.Equal("oil_gas", placement.IndustryId);
        Assert.True(placement.Similarity >= IssuerPlacementOptions.DefaultThreshold);
        Assert.Equal("Drills wells and produces crude oil and natural gas.", issuers[0].Description);
        // Codes win over the description: listed industries are never re-placed.
        Assert.Equal(["airlines"], issuers[1].IndustryIds);
        Assert.Null(issuers[1].Placement);
        Assert.Equal("Flies passengers.", issuers[1].Description);
    }

    [Fact]
    public void A_threshold_nothing_reaches_keeps_the_single_best_and_a_low_one_keeps_more()
    {
        const string row = "acme,Acme Corp,Acme,,,Airline that also drills for crude oil.";

        var strict = Parse(new IssuerPlacementOptions { Threshold = 1 }, row)[0];
        var loose = Parse(new IssuerPlacementOptions { Threshold = 0 }, row)[0];

        Assert.Single(strict.IndustryIds);
        Assert.Equal(3, loose.IndustryIds.Count);
        Assert.Equal(strict.IndustryIds[0], loose.IndustryIds[0]);
    }

    [Fact]
    public void An_issuer_with_neither_industries_nor_description_names_file_line_and_what_to_add()
    {
        var e = Assert.Throws<ReferenceDataException>(() => Parse(null, "a,A Corp,,,banks,", "b,B Corp,,,,"));

        Assert.Equal(3, e.LineNumber);
        Assert.Equal("industries", e.Field);
        Assert.StartsWith("issuers.csv line 3, field 'industries': issuer 'b' has neither an industry nor a description;", e.Message);
        Assert.Contains("'description' field", e.Message);
    }

    [Fact]
    public void A_description_that_shares_nothing_with_any_definition_is_an_error_on_its_line()
    {
        var e = Assert.Throws<ReferenceDataException>(() => Parse(null, "a,A Corp,,,banks,", "b,B Corp,,,,\"—, …\""));

        Assert.Equal(3, e.LineNumber);
        Assert.Equal("description", e.Field);
        Assert.Contains("cannot be placed", e.Message);
    }

    private sealed class FixedEmbedder(Dictionary<string, float[]> vectors) : ITextEmbedder
    {
        public string ModelId => "fixed/1";
        public int Dimension => 2;
        public float[] Embed(string text) => vectors.TryGetValue(text, out var v) ? v : [0.6f, 0.8f];
    }

    [Fact]
    public void The_options_embedder_is_used_and_the_parser_reports_the_placement()
    {
        var embedder = new FixedEmbedder(new()
        {
            ["Banks. Deposit-taking banks that lend to households and companies."] = [1, 0],
            ["a lender"] = [0.995f, 0.1f],
        });
        var options = new IssuerPlacementOptions { Threshold = 0.9, Embedder = embedder };

        var data = ReferenceDataParser.Parse(
            Lines("industries.csv", "industry_id,name,sector,definition", "banks,Banks,Financials,Deposit-taking banks that lend to households and companies.",
                "steel,Steel,Materials,"),
            Lines("topics.csv", "topic_id,category,name,definition", "t1,domestic finance,Bad loans,Banks report bad loans."),
            Lines("topic_industry.csv", "topic_id,industry_id,weight", "t1,banks,-0.8"),
            Lines("issuers.csv", Header, "l,Lender Co,,,,a lender", "s,Steel Co,,,steel,"),
            placement: options);

        Assert.Equal(["banks"], data.Issuers[0].IndustryIds);
        Assert.Equal(new IssuerPlacementSummary(0.9, "fixed/1", 1), data.Placement);
        var seed = KnowledgeGraphSeed.From(data);
        var placed = Assert.Single(seed.BelongsTo, b => b.IssuerId == "l");
        Assert.Equal((IndustryMembership.ByDescription, 0.995), (placed.PlacedBy, Math.Round(placed.PlacementSimilarity!.Value, 3)));
        var coded = Assert.Single(seed.BelongsTo, b => b.IssuerId == "s");
        Assert.Equal((IndustryMembership.IndustryCodes, (double?)null), (coded.PlacedBy, coded.PlacementSimilarity));
    }

    [Fact]
    public void Files_without_description_or_definition_columns_load_as_before()
    {
        var issuers = IssuerTable.Parse(Lines("issuers.csv", "issuer_id,legal_name,aliases,tickers,industries", "a,A Corp,,,banks"), SampleIndustries);

        Assert.Null(issuers[0].Description);
        Assert.Null(issuers[0].Placement);
        Assert.Equal("", SampleIndustries[0].Definition);
    }
}
