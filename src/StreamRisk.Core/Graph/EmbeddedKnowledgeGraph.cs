using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Topics;

namespace StreamRisk.Core.Graph;

/// <summary>
/// The knowledge graph in memory, from the reference data: the topic→industry matrix (<see cref="TopicIndustryMap"/>,
/// whose weighting it keeps exactly) and the issuers' industries. Every call completes synchronously.
/// </summary>
public sealed class EmbeddedKnowledgeGraph : IKnowledgeGraph
{
    private readonly TopicIndustryMap _map;
    private readonly Dictionary<string, string[]> _issuersByIndustry;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<(string Issuer, double Weight, IssuerRelationKind Kind)>> _neighbours;

    /// <param name="relations">Issuer-to-issuer relations (none: no spill-over).</param>
    public EmbeddedKnowledgeGraph(IEnumerable<TopicIndustryLink> links, IEnumerable<Issuer> issuers, IEnumerable<IssuerRelation>? relations = null)
    {
        ArgumentNullException.ThrowIfNull(issuers);
        _neighbours = SpilloverPropagation.Neighbours(relations ?? []);
        _map = new TopicIndustryMap(links);
        _issuersByIndustry = issuers
            .SelectMany(issuer => issuer.IndustryIds.Distinct(StringComparer.Ordinal).Select(industry => (industry, issuer.IssuerId)))
            .GroupBy(pair => pair.industry, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.IssuerId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
                StringComparer.Ordinal);
    }

    public static EmbeddedKnowledgeGraph From(ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return new EmbeddedKnowledgeGraph(reference.TopicIndustryMatrix, reference.Issuers, reference.IssuerRelations);
    }

    public string Source => "embedded";

    public TopicIndustryMap Matrix => _map;

    public ValueTask<IReadOnlyList<TopicIndustryLink>> EffectsOfAsync(IReadOnlyCollection<string> topicIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topicIds);
        IReadOnlyList<TopicIndustryLink> links = topicIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .SelectMany(_map.LinksOf).ToList();
        return ValueTask.FromResult(links);
    }

    public ValueTask<IReadOnlyList<string>> IssuersOfAsync(string industryId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(industryId);
        return ValueTask.FromResult<IReadOnlyList<string>>(_issuersByIndustry.GetValueOrDefault(industryId) ?? []);
    }

    public ValueTask<IReadOnlyList<IndustryExposure>> IndustriesForAsync(IReadOnlyList<TopicHit> hits, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_map.IndustriesFor(hits));

    public ValueTask<IReadOnlyList<SpilloverReach>> RelatedIssuersAsync(string issuerId, SpilloverOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issuerId);
        ArgumentNullException.ThrowIfNull(options);
        return ValueTask.FromResult(SpilloverPropagation.Reach(issuerId, _neighbours, options));
    }
}
