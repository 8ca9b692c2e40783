namespace StreamRisk.Core.Reference;

/// <summary>Parses and cross-checks the four reference files into one <see cref="ReferenceData"/>; no file I/O.</summary>
public static class ReferenceDataParser
{
    public static ReferenceData Parse(ReferenceFile industries, ReferenceFile topics, ReferenceFile topicIndustry, ReferenceFile issuers)
    {
        var industryList = IndustryTable.Parse(industries);
        var topicList = TopicTable.Parse(topics);
        var matrix = TopicIndustryTable.Parse(topicIndustry, topicList, industryList);
        var warnings = new List<ReferenceDataWarning>();
        var issuerList = IssuerTable.Parse(issuers, industryList, warnings);
        return new ReferenceData(industryList, topicList, matrix, issuerList) { Warnings = warnings };
    }
}
