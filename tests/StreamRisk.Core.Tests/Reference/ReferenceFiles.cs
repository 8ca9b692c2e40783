using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Tests.Reference;

/// <summary>Small valid reference tables the validation tests break one field at a time.</summary>
internal static class ReferenceFiles
{
    public static ReferenceFile Lines(string name, params string[] lines) => new(name, string.Join('\n', lines) + "\n");

    public static IReadOnlyList<Industry> SampleIndustries { get; } = IndustryTable.Parse(Lines("industries.csv",
        "industry_id,name,sector",
        "oil_gas,Oil and gas,Energy",
        "airlines,Airlines,Industrials",
        "banks,Banks,Financials"));

    public static IReadOnlyList<Topic> SampleTopics { get; } = TopicTable.Parse(Lines("topics.csv",
        "topic_id,category,name,definition",
        "oil_up,world economy,Crude oil price rise,\"OPEC cuts output, Brent rises.\"",
        "rate_hike,economic policy,Rate hike,The central bank raises rates."));
}
