using StreamRisk.Api.Responses;
using StreamRisk.Core.Reference;

namespace StreamRisk.Api;

/// <summary>The reference data the API answers from memory: issuers (by id, with their industries), industries, topics.</summary>
public sealed class ReferenceCatalog
{
    private readonly Dictionary<string, IssuerView> _issuers;
    private readonly Dictionary<string, IndustryView> _industries;
    private readonly HashSet<string> _topics;

    public ReferenceCatalog(ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        Reference = reference;
        _industries = reference.Industries.ToDictionary(i => i.IndustryId, IndustryView.From, StringComparer.Ordinal);
        Industries = [.. _industries.Values.OrderBy(i => i.IndustryId, StringComparer.Ordinal)];
        _issuers = reference.Issuers.ToDictionary(i => i.IssuerId,
            i => new IssuerView(i.IssuerId, i.LegalName, i.Aliases, i.Tickers, i.IndustryIds.Select(id => _industries[id]).ToArray()),
            StringComparer.Ordinal);
        Issuers = [.. _issuers.Values.OrderBy(i => i.IssuerId, StringComparer.Ordinal)];
        _topics = reference.Topics.Select(t => t.TopicId).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The reference data itself (subscription filters are checked against it).</summary>
    public ReferenceData Reference { get; }

    /// <summary>By id, in ordinal order.</summary>
    public IReadOnlyList<IssuerView> Issuers { get; }

    /// <summary>By id, in ordinal order.</summary>
    public IReadOnlyList<IndustryView> Industries { get; }

    public IssuerView? Issuer(string issuerId) => _issuers.GetValueOrDefault(issuerId);

    public IndustryView? Industry(string industryId) => _industries.GetValueOrDefault(industryId);

    public bool IsIssuer(string issuerId) => _issuers.ContainsKey(issuerId);

    public bool IsIndustry(string industryId) => _industries.ContainsKey(industryId);

    public bool IsTopic(string topicId) => _topics.Contains(topicId);
}
