namespace StreamRisk.Core.Reference;

/// <summary>Parses and cross-checks the reference files into one <see cref="ReferenceData"/>; no file I/O.</summary>
public static class ReferenceDataParser
{
    /// <param name="relations">issuer_relations.csv, which is optional (null: no relations).</param>
    public static ReferenceData Parse(ReferenceFile industries, ReferenceFile topics, ReferenceFile topicIndustry, ReferenceFile issuers,
        ReferenceFile? relations = null)
    {
        var industryList = IndustryTable.Parse(industries);
        var topicList = TopicTable.Parse(topics);
        var matrix = TopicIndustryTable.Parse(topicIndustry, topicList, industryList);
        var warnings = new List<ReferenceDataWarning>();
        var issuerList = IssuerTable.Parse(issuers, industryList, warnings);
        return new ReferenceData(industryList, topicList, matrix, issuerList)
        {
            Warnings = warnings,
            IssuerRelations = relations is null ? [] : IssuerRelationTable.Parse(relations, issuerList),
        };
    }
}
