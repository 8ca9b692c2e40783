using StreamRisk.Core.Graph;

namespace StreamRisk.Core.Reference;

/// <summary>Parses and cross-checks the reference files into one <see cref="ReferenceData"/>; no file I/O.</summary>
public static class ReferenceDataParser
{
    /// <param name="relations">issuer_relations.csv, which is optional (null: no relations).</param>
    /// <param name="placement">How issuers listed without industries are placed by description; null for the defaults.</param>
    public static ReferenceData Parse(ReferenceFile industries, ReferenceFile topics, ReferenceFile topicIndustry, ReferenceFile issuers,
        ReferenceFile? relations = null, IssuerPlacementOptions? placement = null)
    {
        var industryList = IndustryTable.Parse(industries);
        var topicList = TopicTable.Parse(topics);
        var matrix = TopicIndustryTable.Parse(topicIndustry, topicList, industryList);
        var warnings = new List<ReferenceDataWarning>();
        placement ??= IssuerPlacementOptions.Default;
        var issuerList = IssuerTable.Parse(issuers, industryList, warnings, placement);
        var placed = issuerList.Count(issuer => issuer.Placement is not null);
        return new ReferenceData(industryList, topicList, matrix, issuerList)
        {
            Warnings = warnings,
            IssuerRelations = relations is null ? [] : IssuerRelationTable.Parse(relations, issuerList),
            Placement = placed == 0 ? null
                : new IssuerPlacementSummary(placement.Threshold, (placement.Embedder ?? IssuerPlacement.BuiltInEmbedder([])).ModelId, placed),
        };
    }
}
