using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Topics;

/// <summary>
/// Maps a text that names no issuer to the topics it is about: the topic definitions are embedded once into the
/// index, and a text keeps at most <see cref="TopicRetrievalOptions.MaxTopics"/> of its
/// <see cref="TopicRetrievalOptions.TopK"/> nearest topics whose similarity exceeds the threshold.
/// </summary>
public sealed class TopicRetriever
{
    private readonly ITextEmbedder _embedder;
    private readonly IVectorIndex _index;
    // An embedded index this retriever seeded is searched synchronously: the hot path of the industry stage stays as fast
    // as before the index contract became asynchronous.
    private readonly ExactCosineIndex? _exact;
    private readonly TopicRetrievalOptions _options;
    private readonly Dictionary<string, Topic> _topics = new(StringComparer.Ordinal);

    /// <summary>Embeds every topic (name + definition) and upserts it into the embedded <paramref name="index"/> under its topic id.</summary>
    public TopicRetriever(IEnumerable<Topic> topics, ITextEmbedder embedder, ExactCosineIndex index, TopicRetrievalOptions? options = null)
        : this(topics, embedder, (IVectorIndex)index, options)
    {
        // This retriever fills the index itself, so it holds exactly these topics and is searched without a filter.
        _exact = index;
        foreach (var vector in TopicVectors(_topics.Values, embedder))
        {
            index.Upsert(vector.Id, vector.Vector, vector.Kind, vector.TextHash);
        }
    }

    private TopicRetriever(IEnumerable<Topic> topics, ITextEmbedder embedder, IVectorIndex index, TopicRetrievalOptions? options)
    {
        ArgumentNullException.ThrowIfNull(topics);
        _embedder = embedder ?? throw new ArgumentNullException(nameof(embedder));
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _options = options ?? TopicRetrievalOptions.Default;
        foreach (var topic in topics)
        {
            _topics[topic.TopicId] = topic;
        }
    }

    /// <summary>
    /// A retriever over an index seeded before (<see cref="SeedAsync"/>, <c>streamrisk index seed</c>): checks that the
    /// index has the embedder's dimension and holds a vector for every topic, and fails with what to do when not.
    /// </summary>
    public static async Task<TopicRetriever> OpenAsync(IReadOnlyList<Topic> topics, ITextEmbedder embedder, IVectorIndex index,
        TopicRetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(index);
        if (index.Dimension != embedder.Dimension)
        {
            throw new VectorIndexException($"the vector index holds {index.Dimension}-dimensional vectors, embedder '{embedder.ModelId}' makes {embedder.Dimension}");
        }
        // Counted by text hash: a topic whose name or definition changed since the seed (and, for the built-in embedder,
        // whose IDF therefore changed for every topic) makes the seed stale.
        var hashes = topics.Select(topic => IndexedText.Hash(TopicText(topic))).ToList();
        var seeded = await index.CountAsync(IndexedText.TopicKind, hashes, cancellationToken).ConfigureAwait(false);
        if (seeded < topics.Count)
        {
            throw new VectorIndexException($"the vector index holds {seeded} of the {topics.Count} current topic vectors of embedder '{embedder.ModelId}' "
                + "(never seeded, or seeded from other topic definitions): seed it (streamrisk index seed)");
        }
        return new TopicRetriever(topics, embedder, index, options);
    }

    /// <summary>Embeds every topic and upserts it under its topic id (kind <c>topic</c>, with its text hash); idempotent. Returns how many.</summary>
    public static async Task<int> SeedAsync(IReadOnlyList<Topic> topics, ITextEmbedder embedder, IVectorIndex index, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        var vectors = TopicVectors(topics, embedder);
        await index.UpsertAsync(vectors, cancellationToken).ConfigureAwait(false);
        return vectors.Count;
    }

    /// <summary>What is stored for each topic: the embedding of <see cref="TopicText"/>, kind <c>topic</c>, the text's hash.</summary>
    public static IReadOnlyList<IndexedVector> TopicVectors(IEnumerable<Topic> topics, ITextEmbedder embedder)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(embedder);
        return topics.Select(topic =>
        {
            var text = TopicText(topic);
            return new IndexedVector(topic.TopicId, embedder.Embed(text), IndexedText.TopicKind, IndexedText.Hash(text));
        }).ToList();
    }

    public TopicRetrievalOptions Options => _options;

    public string EmbedderId => _embedder.ModelId;

    /// <summary>
    /// The built-in retriever: a <see cref="HashedTfIdfEmbedder"/> whose IDF is learned from the topic texts, and an
    /// <see cref="ExactCosineIndex"/>. Needs nothing but the reference data.
    /// </summary>
    public static TopicRetriever CreateBuiltIn(IReadOnlyList<Topic> topics, TopicRetrievalOptions? options = null, HashedTfIdfOptions? embedding = null)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var embedder = new HashedTfIdfEmbedder(topics.Select(TopicText), embedding);
        return new TopicRetriever(topics, embedder, new ExactCosineIndex(embedder.Dimension), options);
    }

    /// <summary>What is embedded for a topic: its name carries the key words, the definition the context.</summary>
    public static string TopicText(Topic topic) => topic.Name + ". " + topic.Definition;

    /// <summary>The topics of <paramref name="text"/>, most similar first (ties by topic id); empty when none is similar enough.</summary>
    public IReadOnlyList<TopicHit> Retrieve(string text) => Keep(Neighbours(text));

    /// <summary>How many topics this retriever knows.</summary>
    public int TopicCount => _topics.Count;

    /// <summary>The <see cref="TopicRetrievalOptions.TopK"/> nearest topics of <paramref name="text"/>, similar enough or not
    /// (the candidates whose definitions an LLM reads), most similar first.</summary>
    /// <remarks>Blocks on a network index; the pipeline uses <see cref="NeighboursAsync"/>.</remarks>
    public IReadOnlyList<TopicHit> Neighbours(string text)
    {
        var neighbours = NeighboursAsync(text);
        return neighbours.IsCompletedSuccessfully ? neighbours.Result : neighbours.AsTask().GetAwaiter().GetResult();
    }

    /// <summary><see cref="Neighbours"/>, completed synchronously over the embedded index.</summary>
    public ValueTask<IReadOnlyList<TopicHit>> NeighboursAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_options.MaxTopics <= 0)
        {
            return ValueTask.FromResult<IReadOnlyList<TopicHit>>([]);
        }
        var query = _embedder.Embed(text);
        var topK = Math.Max(_options.TopK, 0);
        if (_exact is not null)
        {
            return ValueTask.FromResult(ToTopicHits(_exact.Search(query, topK)));
        }
        return SearchAsync(query, topK, cancellationToken);
    }

    // A shared index may still hold points of topics since removed from the reference data: they are not topics here.
    private async ValueTask<IReadOnlyList<TopicHit>> SearchAsync(float[] query, int topK, CancellationToken cancellationToken) =>
        ToTopicHits((await _index.SearchAsync(new VectorQuery(query, topK) { Kind = IndexedText.TopicKind }, cancellationToken).ConfigureAwait(false))
            .Where(hit => _topics.ContainsKey(hit.Id)).ToList());

    private static IReadOnlyList<TopicHit> ToTopicHits(IReadOnlyList<VectorHit> hits)
    {
        var result = new TopicHit[hits.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new TopicHit(hits[i].Id, hits[i].Similarity);
        }
        return result;
    }

    /// <summary>MulFSA's rule over <paramref name="neighbours"/> (best first): those above the threshold, at most <see cref="TopicRetrievalOptions.MaxTopics"/>.</summary>
    public IReadOnlyList<TopicHit> Keep(IReadOnlyList<TopicHit> neighbours)
    {
        ArgumentNullException.ThrowIfNull(neighbours);
        var hits = new List<TopicHit>(Math.Min(Math.Max(_options.MaxTopics, 0), neighbours.Count));
        foreach (var neighbour in neighbours)
        {
            if (hits.Count >= _options.MaxTopics)
            {
                break;
            }

            if (neighbour.Similarity > _options.MinSimilarity)
            {
                hits.Add(neighbour);
            }
        }

        return hits;
    }

    /// <summary>The reference topic with id <paramref name="topicId"/>, or null.</summary>
    public Topic? Find(string topicId) => _topics.GetValueOrDefault(topicId);
}
