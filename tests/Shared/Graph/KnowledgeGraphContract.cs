using StreamRisk.Core.Events;
using StreamRisk.Core.Graph;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Topics;

namespace StreamRisk.Tests.Shared.Graph;

/// <summary>
/// What every <see cref="IKnowledgeGraph"/> backend must do, run against each (embedded in memory; Neo4j over its HTTP
/// Query API against an in-process fake). Subclasses build a graph seeded from a <see cref="KnowledgeGraphSeed"/>.
/// </summary>
public abstract class KnowledgeGraphContract
{
    /// <summary>A graph holding exactly <paramref name="seed"/>.</summary>
    protected abstract Task<IKnowledgeGraph> CreateAsync(KnowledgeGraphSeed seed);

    /// <summary>Seeds the graph <see cref="CreateAsync"/> returned once more with the same data (a backend that stores nothing needs no override).</summary>
    protected virtual Task SeedAgainAsync(IKnowledgeGraph graph, KnowledgeGraphSeed seed) => Task.CompletedTask;

    private static readonly ReferenceData Small = new(
        [new Industry("banks", "Banks", "Financials"), new Industry("oil_gas", "Oil & gas", "Energy"), new Industry("airlines", "Airlines", "Industrials")],
        [
            new Topic("rate_hike", "macro", "Rate hike", "central bank raises rates"),
            new Topic("oil_up", "commodities", "Oil price up", "crude oil price rises"),
            new Topic("strike", "labour", "Strike", "workers strike"),
        ],
        [
            new TopicIndustryLink("rate_hike", "banks", 0.2), new TopicIndustryLink("oil_up", "oil_gas", 0.8),
            new TopicIndustryLink("oil_up", "airlines", -0.6), new TopicIndustryLink("strike", "airlines", -0.4),
        ],
        [
            new Issuer("zeta_bank", "Zeta Bank", [], [], ["banks"]), new Issuer("alpha_bank", "Alpha Bank", [], [], ["banks"]),
            new Issuer("petro", "Petro Co", [], [], ["oil_gas", "airlines"]), new Issuer("sky", "Sky Air", [], [], ["airlines"]),
        ]);

    private static ReferenceData Bundled() => ReferenceDataParser.Parse(
        File("industries.csv"), File("topics.csv"), File("topic_industry.csv"), File("issuers.csv"), File("issuer_relations.csv"));

    /// <summary>A chain a–b–c–d–e, a triangle a–b, b–f, f–a, a second (weaker) kind on a–b, and g alone.</summary>
    private static readonly ReferenceData Related = Small with
    {
        Issuers = [.. "abcdefg".Select(c => new Issuer(c.ToString(), "Issuer " + c, [], [], ["banks"]))],
        IssuerRelations =
        [
            new IssuerRelation("a", "b", IssuerRelationKind.Supplier, 0.8),
            new IssuerRelation("a", "b", IssuerRelationKind.Guarantor, 0.4),
            new IssuerRelation("c", "b", IssuerRelationKind.Parent, 0.5),
            new IssuerRelation("c", "d", IssuerRelationKind.Supplier, 0.6),
            new IssuerRelation("d", "e", IssuerRelationKind.Supplier, 0.9),
            new IssuerRelation("b", "f", IssuerRelationKind.Guarantor, 1.0),
            new IssuerRelation("f", "a", IssuerRelationKind.Supplier, 0.3),
        ],
    };

    private static ReferenceFile File(string name)
    {
        var path = RepositoryRoot.Of("data", "reference", name);
        return new ReferenceFile(path, System.IO.File.ReadAllText(path));
    }

    [Fact]
    public async Task A_topic_affects_its_industries_with_their_weights()
    {
        var graph = await CreateAsync(KnowledgeGraphSeed.From(Small));

        var effects = await graph.EffectsOfAsync(["oil_up", "rate_hike", "unknown"]);

        Assert.Equal(
            [new TopicIndustryLink("oil_up", "airlines", -0.6), new TopicIndustryLink("oil_up", "oil_gas", 0.8), new TopicIndustryLink("rate_hike", "banks", 0.2)],
            effects);
        Assert.Empty(await graph.EffectsOfAsync([]));
        Assert.Empty(await graph.EffectsOfAsync(["unknown"]));
    }

    [Fact]
    public async Task An_industry_lists_its_issuers_by_id()
    {
        var graph = await CreateAsync(KnowledgeGraphSeed.From(Small));

        Assert.Equal(["alpha_bank", "zeta_bank"], await graph.IssuersOfAsync("banks"));
        Assert.Equal(["petro", "sky"], await graph.IssuersOfAsync("airlines"));
        Assert.Equal(["petro"], await graph.IssuersOfAsync("oil_gas"));
        Assert.Empty(await graph.IssuersOfAsync("unknown"));
    }

    [Fact]
    public async Task Topic_hits_reach_industries_as_the_topic_industry_matrix_weighs_them()
    {
        var graph = await CreateAsync(KnowledgeGraphSeed.From(Small));

        var exposures = await graph.IndustriesForAsync([new TopicHit("oil_up", 0.6), new TopicHit("strike", 0.2)]);

        Assert.Equal(["oil_gas", "airlines"], exposures.Select(e => e.IndustryId));
        Assert.Equal(0.6 * 0.8 / 0.8, exposures[0].Weight, 10);
        Assert.Equal(((0.6 * -0.6) + (0.2 * -0.4)) / 0.8, exposures[1].Weight, 10);
        Assert.Empty(await graph.IndustriesForAsync([]));
    }

    [Fact]
    public async Task Over_the_bundled_reference_data_it_answers_as_the_embedded_matrix()
    {
        var reference = Bundled();
        var matrix = new TopicIndustryMap(reference.TopicIndustryMatrix);
        var graph = await CreateAsync(KnowledgeGraphSeed.From(reference));
        var random = new Random(7);
        var topicIds = reference.Topics.Select(t => t.TopicId).ToList();

        for (var text = 0; text < 40; text++)
        {
            var hits = Enumerable.Range(0, 1 + random.Next(3))
                .Select(_ => new TopicHit(topicIds[random.Next(topicIds.Count)], Math.Round(0.2 + (random.NextDouble() * 0.8), 3)))
                .DistinctBy(h => h.TopicId).OrderByDescending(h => h.Similarity).ToList();
            var expected = matrix.IndustriesFor(hits);
            var actual = await graph.IndustriesForAsync(hits);
            Assert.Equal(expected.Select(e => e.IndustryId), actual.Select(e => e.IndustryId));
            Assert.All(actual.Zip(expected), pair => Assert.Equal(pair.Second.Weight, pair.First.Weight, 12));
        }

        foreach (var industry in reference.Industries.Take(10))
        {
            var expected = reference.Issuers.Where(i => i.IndustryIds.Contains(industry.IndustryId)).Select(i => i.IssuerId).Order(StringComparer.Ordinal);
            Assert.Equal(expected, await graph.IssuersOfAsync(industry.IndustryId));
        }
    }

    [Fact]
    public async Task Issuers_placed_by_description_belong_to_their_placed_industries()
    {
        var reference = Bundled();
        var placed = reference.Issuers.Where(i => i.Placement is not null).ToList();
        Assert.NotEmpty(placed);
        var graph = await CreateAsync(KnowledgeGraphSeed.From(reference));

        foreach (var issuer in placed)
        {
            Assert.NotEmpty(issuer.Placement!);
            foreach (var industry in issuer.Placement!)
            {
                Assert.Contains(issuer.IssuerId, await graph.IssuersOfAsync(industry.IndustryId));
            }
        }
    }

    [Fact]
    public async Task Seeding_again_leaves_the_same_graph()
    {
        var seed = KnowledgeGraphSeed.From(Small);
        var graph = await CreateAsync(seed);
        var before = await graph.EffectsOfAsync(["oil_up", "rate_hike", "strike"]);

        await SeedAgainAsync(graph, seed);

        Assert.Equal(before, await graph.EffectsOfAsync(["oil_up", "rate_hike", "strike"]));
        Assert.Equal(["petro", "sky"], await graph.IssuersOfAsync("airlines"));
    }

    [Fact]
    public async Task Related_issuers_are_reached_within_the_hop_bound_with_a_weight_decaying_per_hop()
    {
        var graph = await CreateAsync(KnowledgeGraphSeed.From(Related));

        var reach = await graph.RelatedIssuersAsync("a", new SpilloverOptions(0.5, 2));

        // a–b (0.8, the stronger of its two kinds) and a–f (0.3) at one hop; c through b at two; f is not reached again
        // through b (b–f 1.0 would give 0.2 at two hops: the one-hop path counts, once); d and e lie beyond two hops.
        Assert.Equal([("b", 1), ("f", 1), ("c", 2)], reach.Select(r => (r.IssuerId, r.Hops)));
        Assert.Equal(0.8 * 0.5, reach[0].Weight, 12);
        Assert.Equal(0.3 * 0.5, reach[1].Weight, 12);
        Assert.Equal(0.8 * 0.5 * 0.25, reach[2].Weight, 12);
        Assert.Equal(["a", "b", "c"], reach[2].Path);
        Assert.Equal([IssuerRelationKind.Supplier, IssuerRelationKind.Parent], reach[2].Kinds);
        Assert.Equal("a -supplier- b -parent- c", reach[2].Describe());
    }

    [Fact]
    public async Task More_hops_reach_further_and_each_issuer_once()
    {
        var graph = await CreateAsync(KnowledgeGraphSeed.From(Related));

        var reach = await graph.RelatedIssuersAsync("e", new SpilloverOptions(0.5, 4));

        Assert.Equal([("d", 1), ("c", 2), ("b", 3), ("a", 4), ("f", 4)], reach.Select(r => (r.IssuerId, r.Hops)));
        Assert.Equal(0.9 * 0.6 * 0.5 * 1.0 * Math.Pow(0.5, 4), reach.Single(r => r.IssuerId == "f").Weight, 12);
        Assert.DoesNotContain(reach, r => r.IssuerId == "e");
        Assert.Equal(["d"], (await graph.RelatedIssuersAsync("e", new SpilloverOptions(0.5, 1))).Select(r => r.IssuerId));
    }

    [Fact]
    public async Task Unknown_or_unrelated_issuers_and_spillover_off_reach_nobody()
    {
        var graph = await CreateAsync(KnowledgeGraphSeed.From(Related));

        Assert.Empty(await graph.RelatedIssuersAsync("unknown", SpilloverOptions.Default));
        Assert.Empty(await graph.RelatedIssuersAsync("g", SpilloverOptions.Default));
        Assert.Empty(await graph.RelatedIssuersAsync("a", new SpilloverOptions(0, 2)));
        Assert.Empty(await graph.RelatedIssuersAsync("a", new SpilloverOptions(0.5, 0)));
    }

    [Fact]
    public async Task Seeding_again_leaves_the_same_relations()
    {
        var seed = KnowledgeGraphSeed.From(Related);
        var graph = await CreateAsync(seed);
        var before = await graph.RelatedIssuersAsync("a", new SpilloverOptions(0.5, 3));

        await SeedAgainAsync(graph, seed);

        var after = await graph.RelatedIssuersAsync("a", new SpilloverOptions(0.5, 3));
        Assert.Equal(before.Count, after.Count);
        Assert.All(before.Zip(after), pair => Assert.True(pair.First.SameAs(pair.Second), pair.First.Describe() + " vs " + pair.Second.Describe()));
    }

    [Fact]
    public async Task Over_the_bundled_relations_it_reaches_as_the_propagation_does()
    {
        var reference = Bundled();
        Assert.NotEmpty(reference.IssuerRelations);
        var graph = await CreateAsync(KnowledgeGraphSeed.From(reference));

        foreach (var issuer in reference.IssuerRelations.SelectMany(r => new[] { r.FromIssuerId, r.ToIssuerId }).Distinct())
        {
            var expected = SpilloverPropagation.Reach(issuer, reference.IssuerRelations, SpilloverOptions.Default);
            var actual = await graph.RelatedIssuersAsync(issuer, SpilloverOptions.Default);
            Assert.NotEmpty(actual);
            Assert.Equal(expected.Count, actual.Count);
            Assert.All(expected.Zip(actual), pair => Assert.True(pair.First.SameAs(pair.Second), pair.First.Describe() + " vs " + pair.Second.Describe()));
        }
    }
}
