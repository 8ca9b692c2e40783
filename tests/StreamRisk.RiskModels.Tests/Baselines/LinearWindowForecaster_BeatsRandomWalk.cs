using StreamRisk.RiskModels.Baselines;
using StreamRisk.RiskModels.Data;
using StreamRisk.RiskModels.Evaluation;

namespace StreamRisk.RiskModels.Tests.Baselines;

public class LinearWindowForecaster_BeatsRandomWalk
{
    [Fact]
    public void OnAMeanRevertingMarketWithLeadingNews_ArBeatsRandomWalk_AndArxBeatsAr()
    {
        // The test market's log spread is an AR(1) around ln 150 whose next move the day's index announces.
        var dataset = new SpreadDataset(TestMarkets.Series(20, 400, seed: 5), 7, SpreadFeatures.DefaultHorizons);
        var rw = ForecastEvaluation.Run(new RandomWalkForecaster(), dataset, dataset.Test);
        var ar = ForecastEvaluation.Run(LinearWindowForecaster.Fit("AR", dataset, [SpreadFeatures.LogSpread, SpreadFeatures.LogSpreadChange]), dataset, dataset.Test);
        var arx = ForecastEvaluation.Run(LinearWindowForecaster.Fit("ARX", dataset, SpreadFeatures.All), dataset, dataset.Test);

        Assert.True(ar.Metrics[0].Mae < rw.Metrics[0].Mae, $"AR {ar.Metrics[0].Mae} vs RW {rw.Metrics[0].Mae}");
        Assert.True(arx.Metrics[0].Mae < 0.8 * ar.Metrics[0].Mae, $"ARX {arx.Metrics[0].Mae} vs AR {ar.Metrics[0].Mae}");
        var dm = ForecastEvaluation.Compare(dataset, arx, ar, 0);
        Assert.True(dm.Statistic < -3, $"DM {dm.Statistic}");
    }

    [Fact]
    public void LeastSquares_RecoversExactCoefficients()
    {
        var solver = new LeastSquares(3, 1);
        var random = new Random(1);
        for (var i = 0; i < 50; i++)
        {
            double[] x = [1, random.NextDouble(), random.NextDouble()];
            solver.Add(x, [2 - 3 * x[1] + 0.5 * x[2]]);
        }
        var beta = solver.Solve(ridge: 0)[0];
        Assert.Equal(2, beta[0], 8);
        Assert.Equal(-3, beta[1], 8);
        Assert.Equal(0.5, beta[2], 8);
    }
}
