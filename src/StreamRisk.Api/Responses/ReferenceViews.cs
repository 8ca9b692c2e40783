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
