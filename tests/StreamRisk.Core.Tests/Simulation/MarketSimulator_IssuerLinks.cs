using StreamRisk.Core.Evaluation;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Simulation;

namespace StreamRisk.Core.Tests.Simulation;

/// <summary>--related-share: links between simulated issuers, and the contagion they carry through latent credit.</summary>
public sealed class MarketSimulator_IssuerLinks
{
    private static SimulationOptions Options(double relatedShare) =>
        new SimulationOptions(300, 2, Seed: 5, StartDay: new DateOnly(2004, 1, 1)) { RelatedShare = relatedShare };

    private static Dictionary<string, List<double>> LatentPaths(MarketSimulator simulator) =>
        simulator.Run().OfType<LatentObserved>().GroupBy(l => l.IssuerId).ToDictionary(g => g.Key, g => g.Select(l => l.LatentCredit).ToList());

    [Fact]
    public void About_the_share_asked_for_gets_a_link_to_another_known_issuer()
    {
        var simulator = new MarketSimulator(Options(0.2), SimulatedMarket.Industries, SimulatedMarket.Topics, SimulatedMarket.Links);
        var ids = simulator.Issuers.Select(i => i.IssuerId).ToHashSet();

        Assert.InRange(simulator.Relations.Count, 40, 80);
        Assert.All(simulator.Relations, r =>
        {
            Assert.Contains(r.FromIssuerId, ids);
            Assert.Contains(r.ToIssuerId, ids);
            Assert.NotEqual(r.FromIssuerId, r.ToIssuerId);
            Assert.InRange(r.Weight, 0.3, 0.9);
            Assert.Contains(r.Kind, new[] { IssuerRelationKind.Supplier, IssuerRelationKind.Parent });
        });
        Assert.Equal(simulator.Relations.Count, simulator.Relations.Select(r => string.Join('|', new[] { r.FromIssuerId, r.ToIssuerId }.Order())).Distinct().Count());
        Assert.Equal(simulator.Relations, new MarketSimulator(Options(0.2), SimulatedMarket.Industries, SimulatedMarket.Topics, SimulatedMarket.Links).Relations);
    }

    [Fact]
    public void Without_links_nothing_changes_and_unlinked_issuers_keep_their_latent_path()
    {
        var plain = new MarketSimulator(new SimulationOptions(300, 2, Seed: 5, StartDay: new DateOnly(2004, 1, 1)), SimulatedMarket.Industries, SimulatedMarket.Topics, SimulatedMarket.Links);
        var zero = new MarketSimulator(Options(0), SimulatedMarket.Industries, SimulatedMarket.Topics, SimulatedMarket.Links);
        var linked = new MarketSimulator(Options(0.2), SimulatedMarket.Industries, SimulatedMarket.Topics, SimulatedMarket.Links);

        Assert.Empty(zero.Relations);
        Assert.Equal(plain.Run().Select(e => e.ToString()), zero.Run().Select(e => e.ToString()));
        var before = LatentPaths(plain);
        var after = LatentPaths(linked);
        var touched = linked.Relations.SelectMany(r => new[] { r.FromIssuerId, r.ToIssuerId }).ToHashSet();
        foreach (var (issuer, path) in before)
        {
            if (touched.Contains(issuer)) Assert.NotEqual(path, after[issuer]);
            else Assert.Equal(path, after[issuer]);
        }
    }

    [Fact]
    public void Linked_issuers_latent_credit_moves_together()
    {
        var linked = new MarketSimulator(Options(0.3), SimulatedMarket.Industries, SimulatedMarket.Topics, SimulatedMarket.Links);
        var plain = new MarketSimulator(Options(0), SimulatedMarket.Industries, SimulatedMarket.Topics, SimulatedMarket.Links);

        double MeanCorrelationOfChanges(Dictionary<string, List<double>> paths) => linked.Relations
            .Where(r => paths.ContainsKey(r.FromIssuerId) && paths.ContainsKey(r.ToIssuerId))
            .Select(r =>
            {
                var (a, b) = (paths[r.FromIssuerId], paths[r.ToIssuerId]);
                var n = Math.Min(a.Count, b.Count);
                // Daily changes over the common tail (late entrants start later).
                var da = a.Skip(a.Count - n).Zip(a.Skip(a.Count - n + 1), (x, y) => y - x).ToArray();
                var db = b.Skip(b.Count - n).Zip(b.Skip(b.Count - n + 1), (x, y) => y - x).ToArray();
                return Correlation.Pearson(da, db);
            })
            .Where(double.IsFinite).Average();

        var together = MeanCorrelationOfChanges(LatentPaths(linked));
        var apart = MeanCorrelationOfChanges(LatentPaths(plain));
        Assert.True(together > apart + 0.1, $"linked pairs' daily changes correlate {together:0.000}, the same pairs unlinked {apart:0.000}");
    }
}
