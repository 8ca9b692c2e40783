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
    private readonly TopicRetrievalOptions _options;
    private readonly Dictionary<string, Topic> _topics = new(StringComparer.Ordinal);

    /// <summary>Embeds every topic (name + definition) and upserts it into <paramref name="index"/> under its topic id.</summary>
    public TopicRetriever(IEnumerable<Topic> topics, ITextEmbedder embedder, IVectorIndex index, TopicRetrievalOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(topics);
        _embedder = embedder ?? throw new ArgumentNullException(nameof(embedder));
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _options = options ?? TopicRetrievalOptions.Default;
        foreach (var topic in topics)
        {
            _topics[topic.TopicId] = topic;
            _index.Upsert(topic.TopicId, _embedder.Embed(TopicText(topic)));
        }
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

    /// <summary>The <see cref="TopicRetrievalOptions.TopK"/> nearest topics of <paramref name="text"/>, similar enough or not
    /// (the candidates whose definitions an LLM reads), most similar first.</summary>
    public IReadOnlyList<TopicHit> Neighbours(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_options.MaxTopics <= 0)
        {
            return [];
        }
        return _index.Search(_embedder.Embed(text), Math.Max(_options.TopK, 0)).Select(n => new TopicHit(n.Id, n.Similarity)).ToList();
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
