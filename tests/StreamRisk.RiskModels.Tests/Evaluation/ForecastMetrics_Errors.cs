using StreamRisk.RiskModels.Evaluation;

namespace StreamRisk.RiskModels.Tests.Evaluation;

public class ForecastMetrics_Errors
{
    [Fact]
    public void MaeMapeRmse_OfAHandWorkedCase()
    {
        // errors +10, −20 on actuals 100, 200: MAE 15, MAPE (10 % + 10 %) / 2 = 10 %, RMSE √((100 + 400) / 2) = 15.811
        var m = ForecastMetrics.Of(1, [110, 180], [100, 200]);
        Assert.Equal(15, m.Mae, 12);
        Assert.Equal(10, m.Mape, 12);
        Assert.Equal(Math.Sqrt(250), m.Rmse, 12);
    }
}
