using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Graph;
using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Tests.Graph;

/// <summary>Spill-over over random relation graphs: bounded, decaying, each issuer once, nothing when off.</summary>
public sealed class SpilloverPropagation_Properties
{
    private static readonly string[] Ids = ["i0", "i1", "i2", "i3", "i4", "i5", "i6", "i7"];

    /// <summary>Up to 16 relations among 8 issuers (cycles, parallel kinds and self-loops included), a decay and a hop bound.</summary>
    private static Arbitrary<(IssuerRelation[] Relations, SpilloverOptions Options)> Graphs { get; } =
        (from n in Gen.Choose(0, 16)
         from edges in Gen.ArrayOf(
             from a in Gen.Choose(0, Ids.Length - 1)
             from b in Gen.Choose(0, Ids.Length - 1)
             from kind in Gen.Elements(IssuerRelationKind.Supplier, IssuerRelationKind.Parent, IssuerRelationKind.Guarantor)
             from w in Gen.Choose(1, 20)
             select new IssuerRelation(Ids[a], Ids[b], kind, w / 20.0), n)
         from decay in Gen.Choose(0, 10)
         from hops in Gen.Choose(0, SpilloverOptions.HopsLimit)
         select (edges, new SpilloverOptions(decay / 10.0, hops))).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Every_issuer_is_reached_once_never_the_source_and_within_the_hop_bound() => Prop.ForAll(Graphs, g =>
        Ids.All(source =>
        {
            var reach = SpilloverPropagation.Reach(source, g.Relations, g.Options);
            return reach.Select(r => r.IssuerId).Distinct().Count() == reach.Count
                && reach.All(r => r.IssuerId != source && r.Hops >= 1 && r.Hops <= g.Options.MaxHops
                    && r.Path.Count == r.Hops + 1 && r.Kinds.Count == r.Hops && r.Path[0] == source && r.Path[^1] == r.IssuerId
                    && r.Path.Distinct().Count() == r.Path.Count);
        }));

    [Property(MaxTest = 300)]
    public Property A_contribution_is_bounded_by_the_source_s_shock_and_decays_with_hops() => Prop.ForAll(Graphs, g =>
        Ids.All(source =>
        {
            var reach = SpilloverPropagation.Reach(source, g.Relations, g.Options);
            var byId = reach.ToDictionary(r => r.IssuerId);
            return reach.All(r =>
                r.Weight > 0 && r.Weight <= Math.Pow(g.Options.Decay, r.Hops) + 1e-12
                // The issuer before it on its path is one hop nearer and carries at least as much (× decay × weight ≤ 1).
                && (r.Hops == 1 || (byId.TryGetValue(r.Path[^2], out var previous) && previous.Hops == r.Hops - 1 && previous.Weight >= r.Weight)));
        }));

    [Property(MaxTest = 300)]
    public Property Each_issuer_is_reached_at_its_fewest_hops() => Prop.ForAll(Graphs, g =>
        Ids.All(source =>
        {
            var reach = SpilloverPropagation.Reach(source, g.Relations, g.Options);
            var distance = ShortestHops(source, g.Relations);
            var within = distance.Where(d => d.Key != source && d.Value <= g.Options.MaxHops).ToDictionary();
            return g.Options.IsOff
                ? reach.Count == 0
                : reach.Count == within.Count && reach.All(r => within.TryGetValue(r.IssuerId, out var hops) && hops == r.Hops);
        }));

    [Property(MaxTest = 200)]
    public Property Zero_decay_or_zero_hops_spills_nothing() => Prop.ForAll(Graphs, g =>
        Ids.All(source => SpilloverPropagation.Reach(source, g.Relations, g.Options with { Decay = 0 }).Count == 0
            && SpilloverPropagation.Reach(source, g.Relations, g.Options with { MaxHops = 0 }).Count == 0));

    [Fact]
    public void Options_out_of_range_are_refused_naming_the_option()
    {
        Assert.Contains("--spillover-decay", new SpilloverOptions(1.5, 2).Problem(), StringComparison.Ordinal);
        Assert.Contains("--spillover-decay", new SpilloverOptions(double.NaN, 2).Problem(), StringComparison.Ordinal);
        Assert.Contains("--spillover-hops", new SpilloverOptions(0.5, SpilloverOptions.HopsLimit + 1).Problem(), StringComparison.Ordinal);
        Assert.Null(SpilloverOptions.Default.Problem());
        Assert.Throws<ArgumentException>(() => SpilloverPropagation.Reach("a", [], new SpilloverOptions(0.5, -1)));
    }

    private static Dictionary<string, int> ShortestHops(string source, IEnumerable<IssuerRelation> relations)
    {
        var edges = relations.Where(r => r.FromIssuerId != r.ToIssuerId).SelectMany(r => new[] { (r.FromIssuerId, r.ToIssuerId), (r.ToIssuerId, r.FromIssuerId) }).ToList();
        var distance = new Dictionary<string, int> { [source] = 0 };
        var queue = new Queue<string>([source]);
        while (queue.Count > 0)
        {
            var at = queue.Dequeue();
            foreach (var (_, to) in edges.Where(e => e.Item1 == at))
            {
                if (distance.TryAdd(to, distance[at] + 1)) queue.Enqueue(to);
            }
        }
        return distance;
    }
}
