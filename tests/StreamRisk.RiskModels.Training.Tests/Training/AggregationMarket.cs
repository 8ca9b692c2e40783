using StreamRisk.Core.Events;
using StreamRisk.RiskModels.Data;

namespace StreamRisk.RiskModels.Training.Tests.Training;

/// <summary>
/// A small market whose next-day spread shock is announced mostly by the industry score (0.1 firm + 0.9 industry), while
/// the composite column keeps the live weights (0.7 firm + 0.3 industry): a learned aggregation can see what the fixed
/// one blurs.
/// </summary>
internal static class AggregationMarket
{
    public static IReadOnlyList<IssuerMarketSeries> Series(int issuers, int days, int seed)
    {
        var random = new Random(seed);
        var spreads = new List<SpreadObservation>();
        var index = new List<DailySentiment>();
        var start = new DateOnly(2020, 1, 1);
        for (var i = 0; i < issuers; i++)
        {
            var id = $"A{i:000}";
            var log = Math.Log(200);
            var firm = 0.0;
            var industry = 0.0;
            for (var t = 0; t < days; t++)
            {
                var day = start.AddDays(t);
                log = Math.Log(200) + 0.8 * (log - Math.Log(200)) - 0.05 * (0.1 * firm + 0.9 * industry) + 0.01 * (random.NextDouble() - 0.5);
                firm = random.NextDouble() * 2 - 1;
                industry = random.NextDouble() * 2 - 1;
                var composite = 0.7 * firm + 0.3 * industry;
                spreads.Add(new SpreadObservation(id, day, Math.Round(Math.Exp(log), 3)));
                index.Add(new DailySentiment($"{id}:{day:yyyy-MM-dd}:r0", id, day, 0, firm, 1, industry, composite, composite, []));
            }
        }
        return MarketSeriesBuilder.Build(spreads, index, []);
    }
}
