using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Graph;

/// <summary>
/// Where a shock to one issuer spills over, over issuer-to-issuer relations (taken both ways): breadth first, each
/// issuer reached once, at its fewest hops (so no cycle is counted twice and the source never reaches itself), along
/// its strongest path of that length (ties: the ordinal-first path). Weight = Π(relation weights) × decay^hops, so with
/// weights in (0, 1] and decay in [0, 1] every reached issuer gets at most decay^hops of the shock, and less the further
/// it is. Pure: both graph backends run it over the relations they hold.
/// </summary>
public static class SpilloverPropagation
{
    /// <returns>Reached issuers ordered by hops, then issuer id.</returns>
    public static IReadOnlyList<SpilloverReach> Reach(string sourceIssuerId, IEnumerable<IssuerRelation> relations, SpilloverOptions options)
    {
        ArgumentNullException.ThrowIfNull(sourceIssuerId);
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problem() is { } problem) throw new ArgumentException(problem, nameof(options));
        if (options.IsOff) return [];
        return Reach(sourceIssuerId, Neighbours(relations), options);
    }

    /// <summary>Each issuer's neighbours with the strongest relation to each (kind ties: the first kind).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<(string Issuer, double Weight, IssuerRelationKind Kind)>> Neighbours(IEnumerable<IssuerRelation> relations)
    {
        var best = new Dictionary<(string, string), (double Weight, IssuerRelationKind Kind)>();
        foreach (var r in relations)
        {
            if (r.FromIssuerId == r.ToIssuerId || !(r.Weight > 0)) continue;
            foreach (var key in new[] { (r.FromIssuerId, r.ToIssuerId), (r.ToIssuerId, r.FromIssuerId) })
            {
                if (!best.TryGetValue(key, out var held) || r.Weight > held.Weight || (r.Weight == held.Weight && r.Kind < held.Kind))
                {
                    best[key] = (r.Weight, r.Kind);
                }
            }
        }
        return best.GroupBy(p => p.Key.Item1, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<(string, double, IssuerRelationKind)>)g.Select(p => (p.Key.Item2, p.Value.Weight, p.Value.Kind))
                .OrderBy(n => n.Item1, StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);
    }

    public static IReadOnlyList<SpilloverReach> Reach(string sourceIssuerId,
        IReadOnlyDictionary<string, IReadOnlyList<(string Issuer, double Weight, IssuerRelationKind Kind)>> neighbours, SpilloverOptions options)
    {
        if (options.IsOff || !neighbours.ContainsKey(sourceIssuerId)) return [];
        var visited = new HashSet<string>(StringComparer.Ordinal) { sourceIssuerId };
        var frontier = new List<SpilloverReach> { new(sourceIssuerId, 0, 1.0, [sourceIssuerId], []) };
        var reached = new List<SpilloverReach>();
        for (var hop = 1; hop <= options.MaxHops && frontier.Count > 0; hop++)
        {
            var next = new Dictionary<string, SpilloverReach>(StringComparer.Ordinal);
            foreach (var from in frontier)
            {
                if (!neighbours.TryGetValue(from.IssuerId, out var around)) continue;
                foreach (var (issuer, weight, kind) in around)
                {
                    if (visited.Contains(issuer)) continue;
                    var candidate = new SpilloverReach(issuer, hop, from.Weight * weight * options.Decay, [.. from.Path, issuer], [.. from.Kinds, kind]);
                    if (!next.TryGetValue(issuer, out var held) || Stronger(candidate, held)) next[issuer] = candidate;
                }
            }
            frontier = next.Values.Where(r => r.Weight > 0).OrderBy(r => r.IssuerId, StringComparer.Ordinal).ToList();
            foreach (var r in frontier) visited.Add(r.IssuerId);
            reached.AddRange(frontier);
        }
        return reached;
    }

    private static bool Stronger(SpilloverReach candidate, SpilloverReach held) =>
        candidate.Weight > held.Weight
        || (candidate.Weight == held.Weight && string.CompareOrdinal(string.Join('\u0001', candidate.Path), string.Join('\u0001', held.Path)) < 0);
}
