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
        File("industries.csv"), File("topics.csv"), File("topic_industry.csv"), File("issuers.csv"));

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
    public async Task Seeding_again_leaves_the_same_graph()
    {
        var seed = KnowledgeGraphSeed.From(Small);
        var graph = await CreateAsync(seed);
        var before = await graph.EffectsOfAsync(["oil_up", "rate_hike", "strike"]);

        await SeedAgainAsync(graph, seed);

        Assert.Equal(before, await graph.EffectsOfAsync(["oil_up", "rate_hike", "strike"]));
        Assert.Equal(["petro", "sky"], await graph.IssuersOfAsync("airlines"));
    }
}
