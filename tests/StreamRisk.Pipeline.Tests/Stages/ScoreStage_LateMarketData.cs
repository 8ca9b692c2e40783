using StreamRisk.Core.Events;
using StreamRisk.Core.Scoring;
using StreamRisk.Core.Storage;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Tests.Stages;

/// <summary>
/// A day's final score does not depend on whether its spread arrived before or after its daily value: a spread that
/// comes late scores again the days it applies to (up to the next spread), reading their daily values from the store.
/// </summary>
public class ScoreStage_LateMarketData
{
    private static readonly DateOnly Day = new(2024, 3, 4);

    private static DailySentiment Daily(int offset, double smoothed) =>
        new($"ISS1:{Day.AddDays(offset):yyyy-MM-dd}:r0", "ISS1", Day.AddDays(offset), 0, -0.2, 1, null, -0.14, smoothed, ["doc1"]);

    private static string Spread(int offset, double bps) =>
        $$"""{"issuer_id":"ISS1","day":"{{Day.AddDays(offset):yyyy-MM-dd}}","spread_bps":{{bps}}}""";

    private static async Task<IReadOnlyList<RiskScore>> RunAsync(bool spreadsFirst)
    {
        await using var harness = await StageHarness.CreateAsync();
        var days = new[] { Daily(0, -0.1), Daily(1, -0.2), Daily(2, -0.3) };
        // The aggregate stage stores its daily rows before they reach the score stage.
        await harness.Store.UpsertAsync(new StoreBatch { DailySentiments = days });
        await using var score = new ScoreStage(harness.Context, new BaselineRiskScorer(), new HashSet<string> { "ISS1" });
        async Task Spreads()
        {
            await harness.PublishAsync(Topics.Spreads, "ISS1", Spread(0, 180));
            await harness.PublishAsync(Topics.Spreads, "ISS1", Spread(2, 240));
        }
        async Task DailyValues()
        {
            foreach (var d in days) await harness.PublishAsync(Topics.DailySentiment, "ISS1", EventJson.Serialize(d));
        }
        if (spreadsFirst) await Spreads();
        await DailyValues();
        if (!spreadsFirst) await Spreads();
        while (await score.PumpAsync(100, TimeSpan.Zero, CancellationToken.None) > 0)
        {
        }
        return await harness.Store.GetRiskScoresAsync("ISS1");
    }

    [Fact]
    public async Task Spreads_arriving_after_the_daily_values_give_the_scores_of_spreads_arriving_first()
    {
        var early = await RunAsync(spreadsFirst: true);
        var late = await RunAsync(spreadsFirst: false);

        Assert.Equal([180, 180, 240], early.Select(s => s.LastSpreadBps!.Value));
        Assert.Equal(early.Select(s => (s.AsOf, s.LastSpreadBps, s.SpreadChangeForecastBps, s.PDefaulted)),
            late.Select(s => (s.AsOf, s.LastSpreadBps, s.SpreadChangeForecastBps, s.PDefaulted)));
    }
}
