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
    IReadOnlyList<IndustryMembership> BelongsTo)
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
            .SelectMany(issuer => issuer.IndustryIds.Distinct(StringComparer.Ordinal).Select(industry => new IndustryMembership(issuer.IssuerId, industry)
            {
                PlacementSimilarity = issuer.Placement?.First(p => p.IndustryId == industry).Similarity,
            }))
            .ToList();
        return new KnowledgeGraphSeed(reference.Industries, reference.Topics, reference.Issuers, affects, belongsTo)
        {
            Relations = reference.IssuerRelations,
        };
    }
}

/// <summary>An issuer's BELONGS_TO edge to an industry: from the industry codes of issuers.csv, or placed by the issuer's
/// description (<see cref="IssuerPlacement"/>) with the similarity that placed it.</summary>
public sealed record IndustryMembership(string IssuerId, string IndustryId)
{
    /// <summary>The description-to-definition similarity when placed by description; null when issuers.csv lists the industry.</summary>
    public double? PlacementSimilarity { get; init; }

    /// <summary>The BELONGS_TO edge's <c>placed_by</c>: <c>industry_codes</c> or <c>description</c>.</summary>
    public string PlacedBy => PlacementSimilarity is null ? IndustryCodes : ByDescription;

    public const string IndustryCodes = "industry_codes";
    public const string ByDescription = "description";
}
