using StreamRisk.Core.Events;
using StreamRisk.Core.Simulation;

namespace StreamRisk.Core.Tests.Simulation;

[Collection(SimulatedMarketCollection.Name)]
public sealed class MarketSimulator_Spreads(SimulatedMarket market)
{
    [Fact]
    public void Spreads_are_positive_and_finite()
    {
        var spreads = market.Events.OfType<SpreadQuoted>().ToList();
        Assert.NotEmpty(spreads);
        Assert.All(spreads, s => Assert.True(s.Spread.SpreadBps > 0 && double.IsFinite(s.Spread.SpreadBps)));
    }

    [Fact]
    public void Issuers_that_later_default_trade_wider_in_their_first_year()
    {
        var defaulters = market.Events.OfType<FinalOutcome>().Where(f => f.Class == RiskClass.Defaulted).Select(f => f.IssuerId).ToHashSet();
        var cutoff = market.Options.StartDay.AddYears(1);
        var firstYear = market.Events.OfType<SpreadQuoted>().Where(s => s.Day < cutoff).ToList();
        var defaulterMean = firstYear.Where(s => defaulters.Contains(s.Spread.IssuerId)).Average(s => s.Spread.SpreadBps);
        var othersMean = firstYear.Where(s => !defaulters.Contains(s.Spread.IssuerId)).Average(s => s.Spread.SpreadBps);
        Assert.True(defaulterMean > 1.5 * othersMean, $"defaulters {defaulterMean:F0} bps vs others {othersMean:F0} bps");
    }

    [Fact]
    public void Spreads_fall_as_latent_credit_rises()
    {
        var latent = market.Events.OfType<LatentObserved>().ToDictionary(l => (l.IssuerId, l.Day), l => l.LatentCredit);
        var pairs = market.Events.OfType<SpreadQuoted>().Select(s => (Latent: latent[(s.Spread.IssuerId, s.Day)], Log: Math.Log(s.Spread.SpreadBps))).ToList();
        Assert.True(Correlation(pairs) < -0.9, $"correlation {Correlation(pairs):F3}");
    }

    private static double Correlation(List<(double Latent, double Log)> pairs)
    {
        var meanX = pairs.Average(p => p.Latent);
        var meanY = pairs.Average(p => p.Log);
        double sxy = 0, sxx = 0, syy = 0;
        foreach (var (x, y) in pairs)
        {
            sxy += (x - meanX) * (y - meanY);
            sxx += (x - meanX) * (x - meanX);
            syy += (y - meanY) * (y - meanY);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }
}
