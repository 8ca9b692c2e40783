using StreamRisk.Api.Responses;
using StreamRisk.Core.Reference;

namespace StreamRisk.Api;

/// <summary>The reference data the API answers from memory: issuers (by id, with their industries), industries, topics
/// (with the industries each one moves).</summary>
public sealed class ReferenceCatalog
{
    private readonly Dictionary<string, IssuerView> _issuers;
    private readonly Dictionary<string, IndustryView> _industries;
    private readonly Dictionary<string, TopicView> _topics;

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
        var issuerCounts = reference.Issuers.SelectMany(i => i.IndustryIds.Distinct()).CountBy(id => id).ToDictionary();
        var links = reference.TopicIndustryMatrix.ToLookup(l => l.TopicId, StringComparer.Ordinal);
        // Strongest effect first: the industries a topic moves most are the ones a person reads first.
        _topics = reference.Topics.ToDictionary(t => t.TopicId, t => new TopicView(t.TopicId, t.Category, t.Name, t.Definition,
            [.. links[t.TopicId]
                .OrderByDescending(l => Math.Abs(l.Weight)).ThenBy(l => l.IndustryId, StringComparer.Ordinal)
                .Select(l => new TopicIndustryView(l.IndustryId, _industries[l.IndustryId].Name, l.Weight, issuerCounts.GetValueOrDefault(l.IndustryId)))]),
            StringComparer.Ordinal);
        Topics = [.. _topics.Values.OrderBy(t => t.TopicId, StringComparer.Ordinal)];
    }

    /// <summary>By id, in ordinal order.</summary>
    public IReadOnlyList<TopicView> Topics { get; }

    public TopicView? Topic(string topicId) => _topics.GetValueOrDefault(topicId);

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

    public bool IsTopic(string topicId) => _topics.ContainsKey(topicId);
}
