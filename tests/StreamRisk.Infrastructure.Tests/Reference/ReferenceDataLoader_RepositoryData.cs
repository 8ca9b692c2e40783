using StreamRisk.Core.Graph;
using StreamRisk.Core.Reference;
using StreamRisk.Infrastructure.Reference;
using StreamRisk.Tests.Shared;

namespace StreamRisk.Infrastructure.Tests.Reference;

public class ReferenceDataLoader_RepositoryData
{
    private static readonly ReferenceData Shipped = ReferenceDataLoader.Load(RepositoryRoot.Of("data", "reference"));

    [Fact]
    public void Has_forty_industries()
    {
        Assert.Equal(40, Shipped.Industries.Count);
    }

    [Fact]
    public void Every_industry_has_a_definition_and_the_issuers_listed_without_industries_are_placed_by_description()
    {
        Assert.All(Shipped.Industries, i => Assert.InRange(i.Definition.Length, 40, 300));
        var placed = Shipped.Issuers.Where(i => i.Placement is not null).ToDictionary(i => i.IssuerId, i => string.Join('|', i.IndustryIds));

        // Their industry codes before the codes were taken out (docs/knowledge-graph.md, "Issuer placement").
        Assert.Equal(new Dictionary<string, string>
        {
            ["holcim"] = "building_materials", ["peabody"] = "coal", ["union_carbide"] = "chemicals",
            ["vinci"] = "construction|transport_infrastructure",
        }, placed);
        Assert.Equal(new IssuerPlacementSummary(IssuerPlacementOptions.DefaultThreshold, "hashed-tfidf/1-d4096", 4), Shipped.Placement);
        Assert.All(Shipped.Issuers.Where(i => i.Placement is not null), i => Assert.NotNull(i.Description));
    }

    [Fact]
    public void Has_about_120_topics_in_all_ten_categories()
    {
        Assert.InRange(Shipped.Topics.Count, 110, 130);
        Assert.Equal(TopicCategories.All.Order(), Shipped.Topics.Select(t => t.Category).Distinct().Order());
        Assert.All(Shipped.Topics.GroupBy(t => t.Category), g => Assert.InRange(g.Count(), 8, 16));
    }

    [Fact]
    public void Every_topic_and_every_industry_appears_in_the_matrix()
    {
        var topics = Shipped.TopicIndustryMatrix.Select(l => l.TopicId).ToHashSet();
        var industries = Shipped.TopicIndustryMatrix.Select(l => l.IndustryId).ToHashSet();

        Assert.All(Shipped.Topics, t => Assert.Contains(t.TopicId, topics));
        Assert.All(Shipped.Industries, i => Assert.Contains(i.IndustryId, industries));
    }

    [Fact]
    public void Topic_definitions_are_a_few_sentences_of_their_own()
    {
        Assert.All(Shipped.Topics, t => Assert.InRange(t.Definition.Split(' ').Length, 20, 90));
        Assert.Equal(Shipped.Topics.Count, Shipped.Topics.Select(t => t.Definition).Distinct().Count());
    }

    [Fact]
    public void Issuer_universe_covers_every_industry_and_has_cjk_names()
    {
        Assert.InRange(Shipped.Issuers.Count, 140, 260);
        var covered = Shipped.Issuers.SelectMany(i => i.IndustryIds).ToHashSet();
        Assert.All(Shipped.Industries, i => Assert.Contains(i.IndustryId, covered));
        Assert.Contains(Shipped.Issuers, i => i.Aliases.Contains("中国石油化工") && i.Aliases.Contains("Sinopec"));
    }

    [Fact]
    public void Sample_issuer_file_loads_against_the_shipped_industries()
    {
        var sample = ReferenceDataLoader.Load(RepositoryRoot.Of("data", "reference"), RepositoryRoot.Of("data", "samples", "issuers.csv"));
        var known = Shipped.Industries.Select(i => i.IndustryId).ToHashSet();

        Assert.InRange(sample.Issuers.Count, 50, Shipped.Issuers.Count);
        Assert.All(sample.Issuers, i => Assert.All(i.IndustryIds, id => Assert.Contains(id, known)));
        Assert.Contains(sample.Issuers, i => i.Tickers.Contains("CHEM"));
    }

    [Fact]
    public void Sample_issuers_are_a_subset_of_the_reference_universe()
    {
        var sample = ReferenceDataLoader.LoadIssuers(RepositoryRoot.Of("data", "samples", "issuers.csv"), Shipped.Industries);
        var universe = Shipped.Issuers.ToDictionary(i => i.IssuerId);

        Assert.All(sample, i => Assert.Equal(universe[i.IssuerId].LegalName, i.LegalName));
    }
}
