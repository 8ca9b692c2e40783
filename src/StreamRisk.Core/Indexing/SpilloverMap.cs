using StreamRisk.Core.Graph;
using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Indexing;

/// <summary>
/// Who spills over to whom, fixed for a run: for each issuer, the related issuers whose own news reaches it (with the
/// reach weight and path, <see cref="SpilloverPropagation"/>), and for each source, the issuers it reaches.
/// </summary>
public sealed class SpilloverMap
{
    private readonly Dictionary<string, SpilloverReach[]> _targets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Source[]> _sources = new(StringComparer.Ordinal);

    /// <summary>A source as its target sees it: the path reversed is not needed, the reach already names both ends.</summary>
    internal sealed record Source(string IssuerId, SpilloverReach Reach, string[] Relations);

    /// <param name="reaches">Each source issuer with what <see cref="IKnowledgeGraph.RelatedIssuersAsync"/> answered for it.</param>
    public SpilloverMap(IEnumerable<(string SourceIssuerId, IReadOnlyList<SpilloverReach> Reach)> reaches)
    {
        ArgumentNullException.ThrowIfNull(reaches);
        var sources = new Dictionary<string, List<Source>>(StringComparer.Ordinal);
        foreach (var (source, reach) in reaches)
        {
            if (reach.Count == 0) continue;
            _targets[source] = [.. reach];
            foreach (var r in reach)
            {
                if (!sources.TryGetValue(r.IssuerId, out var list)) sources[r.IssuerId] = list = [];
                list.Add(new Source(source, r, [.. r.Kinds.Select(IssuerRelation.KindName)]));
            }
        }
        foreach (var (target, list) in sources)
        {
            _sources[target] = [.. list.OrderBy(s => s.IssuerId, StringComparer.Ordinal)];
        }
    }

    /// <summary>Issuers with at least one related issuer within reach.</summary>
    public int IssuerCount => _sources.Count;

    /// <summary>The issuers a shock to <paramref name="issuerId"/> reaches (empty if none).</summary>
    public IReadOnlyList<SpilloverReach> TargetsOf(string issuerId) => _targets.GetValueOrDefault(issuerId) ?? [];

    internal Source[]? SourcesOf(string issuerId) => _sources.GetValueOrDefault(issuerId);
}
