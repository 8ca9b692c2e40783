using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Graph;

/// <summary>
/// What a graph backend is seeded with, from the reference data: nodes, and the edges as the embedded graph reads them
/// (AFFECTS weights summed per topic–industry pair and zero weights dropped, as <see cref="Topics.TopicIndustryMap"/> does).
/// </summary>
public sealed record KnowledgeGraphSeed(
    IReadOnlyList<Industry> Industries,
    IReadOnlyList<Topic> Topics,
    IReadOnlyList<Issuer> Issuers,
    IReadOnlyList<TopicIndustryLink> Affects,
    IReadOnlyList<(string IssuerId, string IndustryId)> BelongsTo)
{
    /// <summary>Issuer-to-issuer relations (RELATED_TO {kind, weight}), as issuer_relations.csv holds them.</summary>
    public IReadOnlyList<IssuerRelation> Relations { get; init; } = [];

    public static KnowledgeGraphSeed From(ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var affects = reference.TopicIndustryMatrix
            .GroupBy(link => (link.TopicId, link.IndustryId))
            .Select(pair => new TopicIndustryLink(pair.Key.TopicId, pair.Key.IndustryId, pair.Sum(link => link.Weight)))
            .Where(link => link.Weight != 0)
            .OrderBy(link => link.TopicId, StringComparer.Ordinal).ThenBy(link => link.IndustryId, StringComparer.Ordinal)
            .ToList();
        var belongsTo = reference.Issuers
            .SelectMany(issuer => issuer.IndustryIds.Select(industry => (issuer.IssuerId, industry)))
            .Distinct()
            .ToList();
        return new KnowledgeGraphSeed(reference.Industries, reference.Topics, reference.Issuers, affects, belongsTo)
        {
            Relations = reference.IssuerRelations,
        };
    }
}
