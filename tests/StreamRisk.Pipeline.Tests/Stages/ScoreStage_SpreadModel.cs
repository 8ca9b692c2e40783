using StreamRisk.Core.Events;
using StreamRisk.Core.Scoring;
using StreamRisk.Core.Storage;
using StreamRisk.Pipeline.Stages;
using StreamRisk.RiskModels.Forecasting;
using StreamRisk.RiskModels.Tests;

namespace StreamRisk.Pipeline.Tests.Stages;

/// <summary>With a trained spread model, every score carries its forecast, refreshed when a new spread arrives.</summary>
public class ScoreStage_SpreadModel
{
    private static readonly DateOnly Day = new(2024, 3, 4);

    private static DailySentiment Daily(int offset) =>
        new($"ISS1:{Day.AddDays(offset):yyyy-MM-dd}:r0", "ISS1", Day.AddDays(offset), 0, -0.2, 1, null, -0.14, -0.1 * offset, ["doc1"]);

    private static string Spread(int offset, double bps) =>
        $$"""{"issuer_id":"ISS1","day":"{{Day.AddDays(offset):yyyy-MM-dd}}","spread_bps":{{bps}}}""";

    [Fact]
    public async Task ANewSpread_RefreshesTheForecast_WithTheModelVersionAndTheInputsDates()
    {
        var artifactDirectory = TestNetworks.TempDirectory();
        TestNetworks.SaveSpreadArtifact(artifactDirectory);
        var model = SpreadForecastModel.Load(artifactDirectory);
        await using var harness = await StageHarness.CreateAsync();
        var days = Enumerable.Range(0, 10).Select(Daily).ToArray();
        await harness.Store.UpsertAsync(new StoreBatch { DailySentiments = days });
        await using var score = new ScoreStage(harness.Context, new BaselineRiskScorer(), new HashSet<string> { "ISS1" }, spreadModel: model);
        for (var d = 0; d < 8; d++) await harness.PublishAsync(Topics.Spreads, "ISS1", Spread(d, 180 + d));
        foreach (var d in days) await harness.PublishAsync(Topics.DailySentiment, "ISS1", EventJson.Serialize(d));
        while (await score.PumpAsync(100, TimeSpan.Zero, CancellationToken.None) > 0)
        {
        }
        var before = await harness.ReadAsync<RiskScore>(Topics.RiskScores);
        // Day 5 has only 6 spreads (fewer than the window of 7): no forecast yet; day 6 has 7.
        Assert.All(before.Where(s => s.AsOf == Day.AddDays(5)), s => Assert.Null(s.SpreadForecast));
        var day9 = before.Last(s => s.AsOf == Day.AddDays(9)).SpreadForecast!;
        Assert.Equal("spread-itransformer@test", day9.Model);
        Assert.Equal(Day.AddDays(7), day9.SpreadDay);
        // Rows are trading days (spread days), as in training: the origin row is day 7 and carries day 7's index.
        Assert.Equal(Day.AddDays(7), day9.IndexDay);
        Assert.Equal(SpreadFeaturesHorizons, day9.Horizons.Select(h => h.HorizonDays));
        Assert.All(day9.Horizons, h => Assert.True(h.LowerBps < h.SpreadBps && h.SpreadBps < h.UpperBps));

        await harness.PublishAsync(Topics.Spreads, "ISS1", Spread(9, 260));
        while (await score.PumpAsync(100, TimeSpan.Zero, CancellationToken.None) > 0)
        {
        }
        var refreshed = (await harness.ReadAsync<RiskScore>(Topics.RiskScores)).Last(s => s.AsOf == Day.AddDays(9));
        Assert.Equal(Day.AddDays(9), refreshed.SpreadForecast!.SpreadDay);
        Assert.Equal(260, refreshed.LastSpreadBps);
        Assert.NotEqual(day9.Horizons[0].SpreadBps, refreshed.SpreadForecast.Horizons[0].SpreadBps);
        // The served numbers are the model's own forecast for that window.
        var direct = model.Forecast(BuildLive(days, 10, 260));
        Assert.Equal(Math.Round(direct.Horizons[0].SpreadBps, 4), refreshed.SpreadForecast.Horizons[0].SpreadBps);
    }

    [Fact]
    public async Task WithoutASpreadModel_ScoresCarryNoForecast_AndTheirBytesAreUnchanged()
    {
        await using var harness = await StageHarness.CreateAsync();
        await using var score = new ScoreStage(harness.Context, new BaselineRiskScorer(), new HashSet<string> { "ISS1" });
        await harness.Store.UpsertAsync(new StoreBatch { DailySentiments = [Daily(0)] });
        await harness.PublishAsync(Topics.DailySentiment, "ISS1", EventJson.Serialize(Daily(0)));
        while (await score.PumpAsync(100, TimeSpan.Zero, CancellationToken.None) > 0)
        {
        }
        var emitted = (await harness.ReadAsync<RiskScore>(Topics.RiskScores)).Single();
        Assert.Null(emitted.SpreadForecast);
        Assert.DoesNotContain("spread_forecast", System.Text.Encoding.UTF8.GetString(EventJson.Serialize(emitted)));
    }

    private static readonly int[] SpreadFeaturesHorizons = [1, 2, 3, 4, 5, 20];

    private static RiskModels.Data.IssuerMarketSeries BuildLive(DailySentiment[] days, int spreads, double last)
    {
        var live = new LiveSpreadInputs(7);
        foreach (var d in days) live.Add(d);
        for (var d = 0; d < 8; d++) live.Add(new SpreadObservation("ISS1", Day.AddDays(d), 180 + d));
        live.Add(new SpreadObservation("ISS1", Day.AddDays(spreads - 1), last));
        return live.SeriesAsOf("ISS1", Day.AddDays(9))!;
    }
}
