using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Simulation;

/// <summary>
/// Draws the simulated issuer-to-issuer relations: each issuer, with chance <see cref="SimulationOptions.RelatedShare"/>,
/// gets one link to another issuer drawn at random (a supplier of it, 70 %, or its parent, 30 %) with a weight in
/// [0.3, 0.9]. From its own random stream, so turning links on changes nothing else that is drawn.
/// </summary>
public static class IssuerLinks
{
    /// <summary>The latent credit share a linked issuer takes of its partner's daily shock, per unit of link weight.</summary>
    public const double Contagion = 0.5;

    public static IReadOnlyList<IssuerRelation> Draw(SimulationOptions options, IReadOnlyList<IssuerProfile> issuers)
    {
        if (options.RelatedShare <= 0 || issuers.Count < 2) return [];
        var random = Pcg32.ForStream(options.Seed, "issuer-links");
        var links = new List<IssuerRelation>();
        var seen = new HashSet<(int, int)>();
        for (var i = 0; i < issuers.Count; i++)
        {
            if (!random.NextBool(options.RelatedShare)) continue;
            var other = random.NextInt(issuers.Count - 1);
            if (other >= i) other++;
            var kind = random.NextBool(0.7) ? IssuerRelationKind.Supplier : IssuerRelationKind.Parent;
            var weight = Math.Round(0.3 + 0.6 * random.NextDouble(), 2, MidpointRounding.AwayFromZero);
            // One link per pair: spill-over and contagion run both ways along it anyway.
            if (!seen.Add((Math.Min(i, other), Math.Max(i, other)))) continue;
            links.Add(kind == IssuerRelationKind.Parent
                ? new IssuerRelation(issuers[other].Issuer.IssuerId, issuers[i].Issuer.IssuerId, kind, weight)
                : new IssuerRelation(issuers[i].Issuer.IssuerId, issuers[other].Issuer.IssuerId, kind, weight));
        }
        return links;
    }
}
