using StreamRisk.Core.Events;
using StreamRisk.RiskModels.Data;

namespace StreamRisk.RiskModels.Tests;

/// <summary>Small synthetic markets: spreads as an AR(1) in logs whose shocks the daily index announces a day early.</summary>
internal static class TestMarkets
{
    public static (List<SpreadObservation> Spreads, List<DailySentiment> Index, List<Fundamentals> Statements) Events(int issuers, int days, int seed)
    {
        var random = new Random(seed);
        var spreads = new List<SpreadObservation>();
        var index = new List<DailySentiment>();
        var statements = new List<Fundamentals>();
        var start = new DateOnly(2020, 1, 1);
        for (var i = 0; i < issuers; i++)
        {
            var id = $"I{i:000}";
            var log = Math.Log(150);
            var news = 0.0;
            for (var t = 0; t < days; t++)
            {
                var day = start.AddDays(t);
                log = Math.Log(150) + 0.9 * (log - Math.Log(150)) - 0.05 * news + 0.02 * (random.NextDouble() - 0.5);
                news = random.NextDouble() * 2 - 1;
                spreads.Add(new SpreadObservation(id, day, Math.Round(Math.Exp(log), 2)));
                index.Add(new DailySentiment($"{id}:{day:yyyy-MM-dd}:r0", id, day, 0, news, 1, 0, 0.7 * news, news, []));
                if (t % 90 == 10)
                {
                    statements.Add(new Fundamentals(id, day.AddDays(-10), new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                        new Dictionary<string, double> { ["debt_to_assets"] = 0.4 + 0.1 * random.NextDouble(), ["interest_coverage"] = 4 }));
                }
            }
        }
        return (spreads, index, statements);
    }

    public static IReadOnlyList<IssuerMarketSeries> Series(int issuers, int days, int seed)
    {
        var (s, i, f) = Events(issuers, days, seed);
        return MarketSeriesBuilder.Build(s, i, f);
    }
}
