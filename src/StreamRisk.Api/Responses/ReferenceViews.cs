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
