using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Graph;
using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Tests.Graph;

/// <summary>Placement over random similarities: never empty, above the threshold unless it is the single best, deterministic.</summary>
public sealed class IssuerPlacement_Properties
{
    private static readonly string[] Ids = ["banks", "coal", "steel", "media", "retail", "autos"];

    /// <summary>Similarities for 1–6 industries, on a coarse grid so that ties are common, and a threshold on the same grid.</summary>
    private static Arbitrary<(PlacedIndustry[] Similarities, double Threshold)> Cases { get; } =
        (from n in Gen.Choose(1, Ids.Length)
         from ids in Gen.Shuffle(Ids)
         from sims in Gen.ArrayOf(Gen.Choose(-4, 10), n)
         from threshold in Gen.Choose(0, 10)
         select (ids.Take(n).Select((id, k) => new PlacedIndustry(id, sims[k] / 10.0)).ToArray(), threshold / 10.0)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Every_placed_issuer_gets_at_least_one_industry() => Prop.ForAll(Cases, c =>
        IssuerPlacement.Place(c.Similarities, c.Threshold).Count >= 1);

    [Property(MaxTest = 500)]
    public Property Placed_similarities_reach_the_threshold_unless_it_is_the_single_best_fallback() => Prop.ForAll(Cases, c =>
    {
        var placed = IssuerPlacement.Place(c.Similarities, c.Threshold);
        var best = c.Similarities.Max(s => s.Similarity);
        return placed.All(p => p.Similarity >= c.Threshold)
            ? placed.Count == c.Similarities.Count(s => s.Similarity >= c.Threshold)
            : placed.Count == 1 && placed[0].Similarity == best && best < c.Threshold;
    });

    [Property(MaxTest = 500)]
    public Property The_answer_does_not_depend_on_input_order_and_ties_go_to_the_ordinal_first_id() => Prop.ForAll(Cases, c =>
    {
        var placed = IssuerPlacement.Place(c.Similarities, c.Threshold);
        var reversed = IssuerPlacement.Place(c.Similarities.Reverse(), c.Threshold);
        var ordered = placed.Zip(placed.Skip(1)).All(pair =>
            pair.First.Similarity > pair.Second.Similarity
            || (pair.First.Similarity == pair.Second.Similarity && string.CompareOrdinal(pair.First.IndustryId, pair.Second.IndustryId) < 0));
        var best = c.Similarities.Max(s => s.Similarity);
        var firstOfBest = c.Similarities.Where(s => s.Similarity == best).Select(s => s.IndustryId).Order(StringComparer.Ordinal).First();
        return placed.SequenceEqual(reversed) && ordered && placed[0].IndustryId == firstOfBest;
    });
}
