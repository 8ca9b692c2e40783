using StreamRisk.Core.Simulation;

namespace StreamRisk.Core.Tests.Simulation;

[Collection(SimulatedMarketCollection.Name)]
public sealed class MarketSimulator_Disclosure(SimulatedMarket market)
{
    [Fact]
    public void Statements_carry_all_32_indicators()
    {
        var statements = market.Events.OfType<StatementFiled>().ToList();
        Assert.NotEmpty(statements);
        Assert.Equal(32, EmdlotIndicators.Names.Distinct().Count());
        Assert.All(statements.Take(200), s => Assert.Equal(EmdlotIndicators.Names, s.Statement.Indicators.Keys));
    }

    [Fact]
    public void Some_quarters_are_skipped_and_some_filed_months_late()
    {
        var statements = market.Events.OfType<StatementFiled>().Select(s => s.Statement).ToList();
        var lags = statements.Select(s => DateOnly.FromDateTime(s.PublishedAt.UtcDateTime).DayNumber - s.PeriodEnd.DayNumber).ToList();
        var late = lags.Count(l => l > 70) / (double)lags.Count;
        Assert.InRange(late, market.Options.LateFilingShare * 0.6, market.Options.LateFilingShare * 1.4);
        Assert.All(lags, l => Assert.InRange(l, 20, 151));

        var gaps = 0;
        foreach (var issuer in statements.GroupBy(s => s.IssuerId))
        {
            var periods = issuer.Select(s => s.PeriodEnd).Order().ToList();
            for (var i = 1; i < periods.Count; i++)
                if (periods[i].DayNumber - periods[i - 1].DayNumber > 100) gaps++;
        }

        Assert.True(gaps > 10, $"{gaps} skipped quarters");
    }

    [Fact]
    public void Some_issuers_enter_after_the_start()
    {
        var firstQuote = market.Events.OfType<SpreadQuoted>().GroupBy(s => s.Spread.IssuerId).ToDictionary(g => g.Key, g => g.Min(s => s.Day));
        var lateStarters = firstQuote.Values.Count(d => d > market.Options.StartDay.AddDays(7)) / (double)market.Options.IssuerCount;
        Assert.InRange(lateStarters, market.Options.LateStartShare * 0.7, market.Options.LateStartShare * 1.3);
        var firstStatement = market.Events.OfType<StatementFiled>().GroupBy(s => s.Statement.IssuerId).ToDictionary(g => g.Key, g => g.Min(s => s.Statement.PeriodEnd));
        Assert.All(firstStatement, kv => Assert.True(kv.Value >= firstQuote[kv.Key]));
    }

    [Fact]
    public void Weaker_credit_shows_in_leverage_and_coverage()
    {
        var latent = market.Events.OfType<LatentObserved>().ToDictionary(l => (l.IssuerId, l.Day), l => l.LatentCredit);
        var rows = new List<(double Latent, double Leverage, double Coverage)>();
        foreach (var filed in market.Events.OfType<StatementFiled>())
        {
            var day = filed.Statement.PeriodEnd;
            while (!latent.ContainsKey((filed.Statement.IssuerId, day)) && day > filed.Statement.PeriodEnd.AddDays(-4)) day = day.AddDays(-1);
            if (!latent.TryGetValue((filed.Statement.IssuerId, day), out var value)) continue;
            rows.Add((value, filed.Statement.Indicators["debt_to_assets"], filed.Statement.Indicators["interest_coverage"]));
        }

        var weak = rows.Where(r => r.Latent < -1).ToList();
        var strong = rows.Where(r => r.Latent > 1).ToList();
        Assert.True(weak.Count > 50 && strong.Count > 50);
        Assert.True(Median(weak.Select(r => r.Leverage)) > Median(strong.Select(r => r.Leverage)) + 0.1);
        Assert.True(Median(weak.Select(r => r.Coverage)) < Median(strong.Select(r => r.Coverage)));
    }

    [Fact]
    public void Risk_factors_are_filed_for_each_issuer()
    {
        var withRiskFactors = market.Events.OfType<DisclosureFiled>().Where(d => d.Truth.Kind == TextKind.RiskFactors)
            .Select(d => d.Truth.IssuerId).Distinct().Count();
        Assert.Equal(market.Options.IssuerCount, withRiskFactors);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
