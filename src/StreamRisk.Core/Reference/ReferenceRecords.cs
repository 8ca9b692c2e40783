namespace StreamRisk.Core.Reference;

/// <summary>One of the 40 industries.</summary>
public sealed record Industry(string IndustryId, string Name, string Sector);

/// <summary>One of ≈120 topics, in one of 10 categories, with the definition topic retrieval embeds.</summary>
public sealed record Topic(string TopicId, string Category, string Name, string Definition);

/// <summary>A bond issuer and every name the texts may call it by.</summary>
/// <param name="Aliases">Short names, former names, brand names.</param>
/// <param name="Tickers">Exchange tickers (matched case-sensitively as whole words).</param>
/// <param name="IndustryIds">Industries it earns its revenue in, main one first.</param>
public sealed record Issuer(
    string IssuerId,
    string LegalName,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Tickers,
    IReadOnlyList<string> IndustryIds);

/// <summary>How strongly news on a topic moves an industry: weight in [−1, 1] (sign: direction of the effect).</summary>
public sealed record TopicIndustryLink(string TopicId, string IndustryId, double Weight);

/// <summary>Everything under <c>data/reference</c>, loaded and cross-checked.</summary>
public sealed record ReferenceData(
    IReadOnlyList<Industry> Industries,
    IReadOnlyList<Topic> Topics,
    IReadOnlyList<TopicIndustryLink> TopicIndustryMatrix,
    IReadOnlyList<Issuer> Issuers)
{
    /// <summary>What loaded, but not as written (ignored or shared issuer names), in file order; the run summary lists them.</summary>
    public IReadOnlyList<ReferenceDataWarning> Warnings { get; init; } = [];
}
