using StreamRisk.Core.Events;
using StreamRisk.Core.Simulation;

namespace StreamRisk.Core.Tests.Simulation;

[Collection(SimulatedMarketCollection.Name)]
public sealed class MarketSimulator_Outcomes(SimulatedMarket market)
{
    [Fact]
    public void Extended_and_defaulted_shares_match_the_options()
    {
        var finals = market.Events.OfType<FinalOutcome>().ToList();
        Assert.Equal(market.Options.IssuerCount, finals.Count);
        var defaulted = finals.Count(f => f.Class == RiskClass.Defaulted) / (double)finals.Count;
        var extended = finals.Count(f => f.Class == RiskClass.Extended) / (double)finals.Count;
        Assert.InRange(defaulted, market.Options.DefaultedShare - 0.005, market.Options.DefaultedShare + 0.005);
        Assert.InRange(extended, market.Options.ExtendedShare - 0.005, market.Options.ExtendedShare + 0.005);
    }

    [Fact]
    public void Default_rates_at_the_default_settings_stay_near_one_percent_over_ten_years()
    {
        var simulator = SimulatedMarket.Build(issuers: 600, years: 10, seed: 5);
        var finals = simulator.Run().OfType<FinalOutcome>().ToList();
        Assert.InRange(finals.Count(f => f.Class == RiskClass.Defaulted), 3, 5);   // 0.7 % of 600 = 4.2
        Assert.InRange(finals.Count(f => f.Class == RiskClass.Extended), 6, 8);    // 1.2 % of 600 = 7.2
    }

    [Fact]
    public void Issuers_fail_when_their_latent_credit_crosses_the_thresholds()
    {
        var latent = new Dictionary<(string, DateOnly), double>();
        foreach (var observed in market.Events.OfType<LatentObserved>()) latent[(observed.IssuerId, observed.Day)] = observed.LatentCredit;
        var crossings = market.Events.OfType<OutcomeReached>().ToList();
        Assert.NotEmpty(crossings);
        foreach (var crossing in crossings)
        {
            var level = crossing.Class == RiskClass.Defaulted ? market.Simulator.Thresholds.Default : market.Simulator.Thresholds.Extension;
            if (crossing.Class == RiskClass.Extended) Assert.True(latent[(crossing.IssuerId, crossing.Day)] < level + 1e-6);
            // Before the crossing day the issuer stayed above the level on every trading day.
            var earlier = latent.Where(kv => kv.Key.Item1 == crossing.IssuerId && kv.Key.Item2 < crossing.Day).Select(kv => kv.Value);
            Assert.All(earlier, value => Assert.True(value >= level - 1e-6));
        }
    }

    [Fact]
    public void A_defaulted_issuer_stops_quoting_and_filing()
    {
        var defaults = market.Events.OfType<OutcomeReached>().Where(o => o.Class == RiskClass.Defaulted)
            .ToDictionary(o => o.IssuerId, o => o.Day);
        Assert.NotEmpty(defaults);
        Assert.DoesNotContain(market.Events.OfType<SpreadQuoted>(),
            s => defaults.TryGetValue(s.Spread.IssuerId, out var day) && s.Day >= day);
        Assert.DoesNotContain(market.Events.OfType<StatementFiled>(),
            s => defaults.TryGetValue(s.Statement.IssuerId, out var day) && s.Day > day);
        Assert.All(defaults, d => Assert.Contains(market.Events.OfType<DisclosureFiled>(),
            n => n.Truth.IssuerId == d.Key && n.Truth.Kind == TextKind.ImportantNotice && n.Day == d.Value));
    }
}
