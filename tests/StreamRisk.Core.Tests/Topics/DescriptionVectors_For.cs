using StreamRisk.Core.Reference;
using StreamRisk.Core.Topics;

namespace StreamRisk.Core.Tests.Topics;

public class DescriptionVectors_For
{
    private static readonly KeywordAxisEmbedder Embedder = new("oil", "storm", "coal", "airline", "noise");

    private static ReferenceData Reference() => new(
        [new Industry("coal", "Coal", "energy") { Definition = "coal coal mining" }, new Industry("air", "Airlines", "transport")],
        [new Topic("t_oil", "c", "oil ", ""), new Topic("t_storm", "c", "storm ", "")],
        [],
        [
            new Issuer("peabody", "Peabody Energy", [], [], ["coal"]) { Description = "coal miner" },
            new Issuer("amr", "American Airlines", [], [], ["air"]),
        ]);

    [Fact]
    public void Industries_with_a_definition_and_issuers_with_a_description_get_a_vector_each_under_a_kind_prefixed_id()
    {
        var vectors = DescriptionVectors.For(Reference(), Embedder);

        Assert.Equal(["industry:coal", "issuer:peabody"], vectors.Select(v => v.Id));
        Assert.Equal([IndexedText.IndustryKind, IndexedText.IssuerKind], vectors.Select(v => v.Kind));
        Assert.Equal(IndexedText.Hash("coal miner"), vectors[1].TextHash);
        Assert.Equal(Embedder.Embed("coal miner"), vectors[1].Vector);
    }

    [Fact]
    public async Task Topic_retrieval_over_an_index_holding_them_still_finds_only_topics()
    {
        var reference = Reference();
        var index = new ExactCosineIndex();
        await TopicRetriever.SeedAsync(reference.Topics, Embedder, index);
        await index.UpsertAsync(DescriptionVectors.For(reference, Embedder));

        var retriever = await TopicRetriever.OpenAsync(reference.Topics, Embedder, index);
        var neighbours = await retriever.NeighboursAsync("coal coal oil");
        var issuers = await index.SearchAsync(new VectorQuery(Embedder.Embed("coal coal oil"), 5) { Kind = IndexedText.IssuerKind });

        Assert.NotEmpty(neighbours);
        Assert.All(neighbours, hit => Assert.StartsWith("t_", hit.TopicId, StringComparison.Ordinal));
        Assert.Equal(["issuer:peabody"], issuers.Select(h => h.Id));
        Assert.Equal((4L, 2L), (await index.CountAsync(), await index.CountAsync(IndexedText.TopicKind)));
    }
}
