using StreamRisk.RiskModels.Baselines;
using StreamRisk.RiskModels.Data;
using StreamRisk.RiskModels.Evaluation;
using StreamRisk.RiskModels.Tests;
using StreamRisk.RiskModels.Training.Baselines;

namespace StreamRisk.RiskModels.Training.Tests.Baselines;

public class LightGbmWindowForecaster_BeatsRandomWalk
{
    [Fact]
    public void OnASyntheticArSeries_HeldOutErrorsAreBelowTheRandomWalks_AtEveryHorizon()
    {
        var dataset = new SpreadDataset(TestMarkets.Series(8, 300, seed: 5), 7, SpreadFeatures.DefaultHorizons);
        var lightGbm = ForecastEvaluation.Run(LightGbmWindowForecaster.Fit("lightgbm", dataset, SpreadFeatures.WithoutSentiment), dataset, dataset.Test);
        var walk = ForecastEvaluation.Run(new RandomWalkForecaster(), dataset, dataset.Test);
        for (var k = 0; k < dataset.Horizons.Count; k++)
        {
            Assert.True(lightGbm.Metrics[k].Mae < walk.Metrics[k].Mae, $"h={dataset.Horizons[k]}: LightGBM {lightGbm.Metrics[k].Mae} vs random walk {walk.Metrics[k].Mae}");
        }
    }

    [Fact]
    public void TheSentimentInputs_CarryTheAnnouncedShock_AndARefitGivesTheSameForecasts()
    {
        // The test market's index announces the next day's shock: with it, h = 1 errors must drop.
        var dataset = new SpreadDataset(TestMarkets.Series(8, 300, seed: 5), 7, SpreadFeatures.DefaultHorizons);
        var without = ForecastEvaluation.Run(LightGbmWindowForecaster.Fit("without", dataset, SpreadFeatures.WithoutSentiment), dataset, dataset.Test);
        var with = ForecastEvaluation.Run(LightGbmWindowForecaster.Fit("with", dataset, SpreadFeatures.All), dataset, dataset.Test);
        Assert.True(with.Metrics[0].Mae < without.Metrics[0].Mae, $"with {with.Metrics[0].Mae} vs without {without.Metrics[0].Mae}");

        var again = ForecastEvaluation.Run(LightGbmWindowForecaster.Fit("with", dataset, SpreadFeatures.All), dataset, dataset.Test);
        Assert.Equal(with.ForecastBps[0], again.ForecastBps[0]);
    }
}
