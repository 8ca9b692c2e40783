using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Topics;

namespace StreamRisk.Core.Graph;

/// <summary>
/// The topic→industry→issuer knowledge graph: Topic -[AFFECTS {weight}]-> Industry, Issuer -[BELONGS_TO]-> Industry,
/// Issuer -[RELATED_TO {kind, weight}]-> Issuer.
/// The embedded graph (default) is loaded from data/reference; Neo4j is reached over its HTTP Query API. One
/// contract-test suite (KnowledgeGraphContract) runs against every backend.
/// </summary>
public interface IKnowledgeGraph
{
    /// <summary>Where the graph lives, for the run summary and errors (<c>embedded</c>, or the server's address).</summary>
    string Source { get; }

    /// <summary>The AFFECTS edges out of <paramref name="topicIds"/> (non-zero weights), ordered by topic then industry id.</summary>
    /// <exception cref="KnowledgeGraphException">The backend failed or cannot be reached.</exception>
    ValueTask<IReadOnlyList<TopicIndustryLink>> EffectsOfAsync(IReadOnlyCollection<string> topicIds, CancellationToken cancellationToken = default);

    /// <summary>The issuers that BELONG_TO <paramref name="industryId"/>, ordered by issuer id (empty for an unknown industry).</summary>
    /// <exception cref="KnowledgeGraphException">The backend failed or cannot be reached.</exception>
    ValueTask<IReadOnlyList<string>> IssuersOfAsync(string industryId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The industries a text's topic hits reach: <see cref="TopicIndustryMap.IndustriesFor"/> over the AFFECTS edges of
    /// the hit topics, so every backend weighs exactly as the embedded matrix does.
    /// </summary>
    ValueTask<IReadOnlyList<IndustryExposure>> IndustriesForAsync(IReadOnlyList<TopicHit> hits, CancellationToken cancellationToken = default);

    /// <summary>
    /// The issuers a shock to <paramref name="issuerId"/> spills over to through issuer-to-issuer relations (RELATED_TO),
    /// as <see cref="SpilloverPropagation"/> weighs them: within <see cref="SpilloverOptions.MaxHops"/>, each once, ordered
    /// by hops then id; empty for an unknown issuer, one without relations, or spill-over off.
    /// </summary>
    /// <exception cref="KnowledgeGraphException">The backend failed or cannot be reached.</exception>
    ValueTask<IReadOnlyList<SpilloverReach>> RelatedIssuersAsync(string issuerId, SpilloverOptions options, CancellationToken cancellationToken = default);
}

/// <summary>A knowledge-graph backend failed: unreachable, refused the credentials, or answered with an error.</summary>
public sealed class KnowledgeGraphException(string message, Exception? inner = null) : Exception(message, inner);
