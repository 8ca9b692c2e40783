using StreamRisk.Core.Reference;

namespace StreamRisk.Api.Responses;

public sealed record IndustryView(string IndustryId, string Name, string Sector)
{
    public static IndustryView From(Industry industry) => new(industry.IndustryId, industry.Name, industry.Sector);
}

/// <summary>An issuer with its industries, main one first.</summary>
public sealed record IssuerView(string IssuerId, string LegalName, IReadOnlyList<string> Aliases, IReadOnlyList<string> Tickers,
    IReadOnlyList<IndustryView> Industries);

/// <summary>The industries, all of them (there are tens, not thousands: no paging).</summary>
public sealed record IndustryList(IReadOnlyList<IndustryView> Items);

/// <summary>An industry's sentiment on a day: the weighted mean score of its texts, their total |weight| and how many.</summary>
public sealed record IndustryDayView(string IndustryId, DateOnly Day, double Score, double Weight, int TextCount)
{
    public static IndustryDayView From(Core.Storage.Queries.IndustryDaySentiment d) => new(d.IndustryId, d.Day, d.Score, d.Weight, d.TextCount);
}


/// <summary>A reference topic with the industries its news moves (strongest first).</summary>
public sealed record TopicView(string TopicId, string Category, string Name, string Definition, IReadOnlyList<TopicIndustryView> Industries);

/// <summary>An industry a topic moves: the matrix weight in [−1, 1] (its sign the direction) and how many issuers are in it.</summary>
public sealed record TopicIndustryView(string IndustryId, string Name, double Weight, int IssuerCount);

/// <summary>The topics, all of them (about 120: no paging).</summary>
public sealed record TopicList(IReadOnlyList<TopicView> Items);
