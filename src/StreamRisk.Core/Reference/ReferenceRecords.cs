namespace StreamRisk.Core.Reference;

/// <summary>One of the 40 industries.</summary>
public sealed record Industry(string IndustryId, string Name, string Sector)
{
    /// <summary>What the industry's companies do, in a sentence (industries.csv <c>definition</c>, optional): issuers
    /// without industry codes are placed by the similarity of their business description to it. Empty when not given.</summary>
    public string Definition { get; init; } = "";
}

/// <summary>One of ≈120 topics, in one of 10 categories, with the definition topic retrieval embeds.</summary>
public sealed record Topic(string TopicId, string Category, string Name, string Definition);

/// <summary>A bond issuer and every name the texts may call it by.</summary>
/// <param name="Aliases">Short names, former names, brand names.</param>
/// <param name="Tickers">Exchange tickers (matched case-sensitively as whole words).</param>
/// <param name="IndustryIds">Industries it earns its revenue in, main one first: from issuers.csv, or, for an issuer
/// listed without them, the industries its description was placed in (<see cref="Placement"/>).</param>
public sealed record Issuer(
    string IssuerId,
    string LegalName,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Tickers,
    IReadOnlyList<string> IndustryIds)
{
    /// <summary>Its business in a sentence or two (issuers.csv <c>description</c>, optional); null when not given.</summary>
    public string? Description { get; init; }

    /// <summary>How <see cref="IndustryIds"/> were found when issuers.csv listed none: each industry with the similarity of
    /// the description to its definition (<see cref="Graph.IssuerPlacement"/>). Null when issuers.csv lists the industries.</summary>
    public IReadOnlyList<PlacedIndustry>? Placement { get; init; }
}

/// <summary>An industry an issuer was placed in by its description, and the cosine similarity that placed it there.</summary>
public readonly record struct PlacedIndustry(string IndustryId, double Similarity);

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

    /// <summary>Issuer-to-issuer relations (issuer_relations.csv, optional; empty without the file).</summary>
    public IReadOnlyList<IssuerRelation> IssuerRelations { get; init; } = [];

    /// <summary>How issuers listed without industries were placed (threshold, embedder); null when none needed placing.</summary>
    public IssuerPlacementSummary? Placement { get; init; }

    /// <summary>The issuers placed by description, in file order, each with <see cref="Issuer.Placement"/>.</summary>
    public IEnumerable<Issuer> PlacedIssuers => Issuers.Where(issuer => issuer.Placement is not null);
}

/// <summary>What placed the issuers that issuers.csv lists without industries: the similarity threshold and the
/// embedder, and how many issuers were placed (each issuer's industries are on <see cref="Issuer.Placement"/>).</summary>
public sealed record IssuerPlacementSummary(double Threshold, string EmbedderId, int PlacedIssuers);

/// <summary>How one issuer's credit is tied to another's (issuer_relations.csv).</summary>
public enum IssuerRelationKind
{
    /// <summary>From supplies To (To is From's customer).</summary>
    Supplier,

    /// <summary>From is To's parent (To is From's subsidiary).</summary>
    Parent,

    /// <summary>From guarantees To's debt.</summary>
    Guarantor,
}

/// <summary>
/// An issuer-to-issuer relation with a weight in (0, 1]: the share of a shock to one that reaches the other. Spill-over
/// runs both ways along it (a customer's distress hits its supplier as the supplier's hits the customer).
/// </summary>
public sealed record IssuerRelation(string FromIssuerId, string ToIssuerId, IssuerRelationKind Kind, double Weight)
{
    /// <summary>The name in issuer_relations.csv and in the graph (<c>supplier</c>, <c>parent</c>, <c>guarantor</c>).</summary>
    public static string KindName(IssuerRelationKind kind) => kind switch
    {
        IssuerRelationKind.Supplier => "supplier",
        IssuerRelationKind.Parent => "parent",
        IssuerRelationKind.Guarantor => "guarantor",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static IssuerRelationKind? ParseKind(string name) => name switch
    {
        "supplier" => IssuerRelationKind.Supplier,
        "parent" => IssuerRelationKind.Parent,
        "guarantor" => IssuerRelationKind.Guarantor,
        _ => null,
    };
}
