using StreamRisk.Core.Topics;

namespace StreamRisk.Tests.Shared.Topics;

/// <summary>
/// What every <see cref="IVectorIndex"/> backend must do, run against each (the embedded exact index; Qdrant through
/// the real Qdrant.Client against an in-process gRPC fake). Subclasses create an empty index of a given dimension.
/// </summary>
public abstract class VectorIndexContract
{
    /// <summary>An empty index of <paramref name="dimension"/>-dimensional vectors.</summary>
    protected abstract Task<IVectorIndex> CreateAsync(int dimension);

    private static IndexedVector V(string id, float[] vector, string kind = "topic") => new(id, vector, kind, IndexedText.Hash(id));

    private static double Cosine(float[] a, float[] b) =>
        ExactCosineIndex.Dot(a, b) / (Math.Sqrt(ExactCosineIndex.Dot(a, a)) * Math.Sqrt(ExactCosineIndex.Dot(b, b)));

    private static readonly float[][] Vectors =
    [
        [1f, 0f, 0f, 0.2f], [0.9f, 0.1f, 0f, 0f], [0f, 1f, 0f, 0f], [0f, 0.7f, 0.7f, 0f], [0.3f, 0.3f, 0.3f, 0.3f], [-1f, 0f, 0f, 0f],
    ];

    private async Task<IVectorIndex> SeededAsync()
    {
        var index = await CreateAsync(4);
        await index.UpsertAsync(Vectors.Select((v, i) => V($"t{i}", v, i % 2 == 0 ? "topic" : "issuer")).ToList());
        return index;
    }

    [Fact]
    public async Task Nearest_vectors_come_best_first_with_their_cosine_similarity()
    {
        var index = await SeededAsync();
        float[] query = [1f, 0.2f, 0f, 0f];

        var hits = await index.SearchAsync(new VectorQuery(query, 3));

        var expected = Vectors.Select((v, i) => (Id: $"t{i}", Similarity: Cosine(query, v)))
            .OrderByDescending(h => h.Similarity).ThenBy(h => h.Id, StringComparer.Ordinal).Take(3).ToList();
        Assert.Equal(expected.Select(h => h.Id), hits.Select(h => h.Id));
        Assert.All(hits.Zip(expected), pair => Assert.Equal(pair.Second.Similarity, pair.First.Similarity, 5));
    }

    [Fact]
    public async Task Seeding_the_same_ids_again_leaves_the_same_points()
    {
        var index = await SeededAsync();
        var before = await index.SearchAsync(new VectorQuery([0f, 1f, 0f, 0f], 6));

        await index.UpsertAsync(Vectors.Select((v, i) => V($"t{i}", v, i % 2 == 0 ? "topic" : "issuer")).ToList());

        Assert.Equal(6, await index.CountAsync());
        Assert.Equal(before, await index.SearchAsync(new VectorQuery([0f, 1f, 0f, 0f], 6)));
    }

    [Fact]
    public async Task Upserting_an_existing_id_replaces_its_vector()
    {
        var index = await CreateAsync(2);
        await index.UpsertAsync([V("a", [1f, 0f]), V("b", [0f, 1f])]);
        await index.UpsertAsync([V("a", [0f, 3f])]);

        var hits = await index.SearchAsync(new VectorQuery([0f, 1f], 2));

        Assert.Equal(2, await index.CountAsync());
        Assert.Equal(["a", "b"], hits.Select(h => h.Id));
        Assert.All(hits, h => Assert.Equal(1.0, h.Similarity, 5));
    }

    [Fact]
    public async Task A_score_threshold_drops_less_similar_vectors()
    {
        var index = await SeededAsync();
        float[] query = [1f, 0f, 0f, 0f];

        var hits = await index.SearchAsync(new VectorQuery(query, 6) { MinSimilarity = 0.5 });

        var expected = Vectors.Select((v, i) => (Id: $"t{i}", Similarity: Cosine(query, v))).Where(h => h.Similarity >= 0.5)
            .OrderByDescending(h => h.Similarity).Select(h => h.Id);
        Assert.Equal(expected, hits.Select(h => h.Id));
        Assert.All(hits, h => Assert.True(h.Similarity >= 0.5 - 1e-6));
    }

    [Fact]
    public async Task A_kind_filter_keeps_only_vectors_of_that_kind()
    {
        var index = await SeededAsync();

        var hits = await index.SearchAsync(new VectorQuery([1f, 0f, 0f, 0f], 6) { Kind = "issuer" });

        Assert.Equal(["t1", "t3", "t5"], hits.Select(h => h.Id).Order(StringComparer.Ordinal));
        Assert.Equal(3, await index.CountAsync("topic"));
        Assert.Equal(3, await index.CountAsync("issuer"));
        Assert.Equal(0, await index.CountAsync("nothing"));
        Assert.Equal(2, await index.CountAsync("topic", [IndexedText.Hash("t0"), IndexedText.Hash("t4"), IndexedText.Hash("t1")]));
        Assert.Equal(3, await index.CountAsync(textHashes: [IndexedText.Hash("t0"), IndexedText.Hash("t4"), IndexedText.Hash("t1")]));
        Assert.Equal(0, await index.CountAsync("topic", []));
    }

    [Fact]
    public async Task Equal_similarities_rank_by_id()
    {
        var index = await CreateAsync(3);
        await index.UpsertAsync(new[] { "t9", "t1", "t5", "t10" }.Select(id => V(id, [1f, 1f, 0f])).Append(V("t0", [0f, 0f, 1f])).ToList());

        var hits = await index.SearchAsync(new VectorQuery([2f, 2f, 0f], 4));

        Assert.Equal(["t1", "t10", "t5", "t9"], hits.Select(h => h.Id));
    }

    [Fact]
    public async Task An_empty_index_or_zero_k_finds_nothing()
    {
        var index = await CreateAsync(2);
        Assert.Empty(await index.SearchAsync(new VectorQuery([1f, 2f], 3)));
        Assert.Equal(0, await index.CountAsync());

        await index.UpsertAsync([V("a", [1f, 2f])]);
        Assert.Empty(await index.SearchAsync(new VectorQuery([1f, 2f], 0)));
    }

    [Fact]
    public async Task Vectors_of_the_wrong_dimension_are_rejected_with_both_dimensions_named()
    {
        var index = await CreateAsync(3);
        await index.UpsertAsync([V("a", [1f, 0f, 0f])]);

        var upsert = await Assert.ThrowsAsync<ArgumentException>(async () => await index.UpsertAsync([V("b", [1f, 0f])]));
        var search = await Assert.ThrowsAsync<ArgumentException>(async () => await index.SearchAsync(new VectorQuery([1f], 1)));

        Assert.Contains("2", upsert.Message, StringComparison.Ordinal);
        Assert.Contains("3", upsert.Message, StringComparison.Ordinal);
        Assert.Contains("1 dimensions", search.Message, StringComparison.Ordinal);
        Assert.Equal(1, await index.CountAsync());
    }

    [Fact]
    public async Task A_retriever_over_the_seeded_index_finds_what_the_embedded_one_finds()
    {
        var topics = new[]
        {
            new Core.Reference.Topic("oil", "commodities", "Oil price", "crude oil price opec barrel supply"),
            new Core.Reference.Topic("rates", "macro", "Interest rates", "central bank raises interest rates policy"),
            new Core.Reference.Topic("chips", "technology", "Semiconductors", "chip shortage semiconductor fabs"),
        };
        var embedder = new HashedTfIdfEmbedder(topics.Select(TopicRetriever.TopicText));
        var reference = TopicRetriever.CreateBuiltIn(topics);
        var index = await CreateAsync(embedder.Dimension);
        Assert.Equal(3, await TopicRetriever.SeedAsync(topics, embedder, index));
        Assert.Equal(3, await TopicRetriever.SeedAsync(topics, embedder, index));

        var retriever = await TopicRetriever.OpenAsync(topics, embedder, index);

        foreach (var text in new[] { "OPEC cuts crude oil supply", "the central bank raises rates", "a shortage of chips" })
        {
            var expected = reference.Neighbours(text);
            var actual = await retriever.NeighboursAsync(text);
            Assert.Equal(expected.Select(h => h.TopicId), actual.Select(h => h.TopicId));
            Assert.All(actual.Zip(expected), pair => Assert.Equal(pair.Second.Similarity, pair.First.Similarity, 5));
        }
    }

    [Fact]
    public async Task Opening_an_unseeded_index_says_to_seed_it()
    {
        var topics = new[] { new Core.Reference.Topic("oil", "commodities", "Oil price", "crude oil price") };
        var embedder = new HashedTfIdfEmbedder(topics.Select(TopicRetriever.TopicText));
        var index = await CreateAsync(embedder.Dimension);

        var error = await Assert.ThrowsAsync<VectorIndexException>(() => TopicRetriever.OpenAsync(topics, embedder, index));

        Assert.Contains("streamrisk index seed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_an_index_seeded_from_other_topic_definitions_says_to_seed_again()
    {
        var before = new[] { new Core.Reference.Topic("oil", "commodities", "Oil price", "crude oil price"), new Core.Reference.Topic("rates", "macro", "Rates", "interest rates") };
        var after = new[] { before[0] with { Definition = "crude oil and gas prices" }, before[1] };
        var embedder = new HashedTfIdfEmbedder(before.Select(TopicRetriever.TopicText));
        var index = await CreateAsync(embedder.Dimension);
        await TopicRetriever.SeedAsync(before, embedder, index);

        var error = await Assert.ThrowsAsync<VectorIndexException>(() => TopicRetriever.OpenAsync(after, embedder, index));

        Assert.Contains("1 of the 2 current topic vectors", error.Message, StringComparison.Ordinal);
        await TopicRetriever.SeedAsync(after, embedder, index);
        await TopicRetriever.OpenAsync(after, embedder, index);
    }

    [Fact]
    public async Task Points_of_topics_no_longer_in_the_reference_data_are_not_retrieved()
    {
        var topics = new[] { new Core.Reference.Topic("oil", "commodities", "Oil price", "crude oil price"), new Core.Reference.Topic("rates", "macro", "Rates", "interest rates") };
        var embedder = new HashedTfIdfEmbedder(topics.Select(TopicRetriever.TopicText));
        var index = await CreateAsync(embedder.Dimension);
        await TopicRetriever.SeedAsync(topics, embedder, index);

        var retriever = await TopicRetriever.OpenAsync([topics[1]], embedder, index);

        Assert.Equal(["rates"], (await retriever.NeighboursAsync("crude oil price and interest rates")).Select(h => h.TopicId));
    }
}
