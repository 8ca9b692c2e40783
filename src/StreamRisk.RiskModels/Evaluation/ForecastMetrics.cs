namespace StreamRisk.RiskModels.Evaluation;

/// <summary>Spread forecast errors at one horizon, in basis points (MAPE in percent).</summary>
public readonly record struct ForecastMetrics(int HorizonDays, long Count, double Mae, double Mape, double Rmse)
{
    /// <summary>Errors of forecasts against actual spreads (both in bps; actual spreads are positive).</summary>
    public static ForecastMetrics Of(int horizonDays, ReadOnlySpan<double> forecast, ReadOnlySpan<double> actual)
    {
        if (forecast.Length != actual.Length) throw new ArgumentException("forecast and actual differ in length");
        double abs = 0, pct = 0, sq = 0;
        for (var i = 0; i < forecast.Length; i++)
        {
            var e = forecast[i] - actual[i];
            abs += Math.Abs(e);
            pct += Math.Abs(e) / Math.Abs(actual[i]);
            sq += e * e;
        }
        var n = Math.Max(forecast.Length, 1);
        return new ForecastMetrics(horizonDays, forecast.Length, abs / n, 100 * pct / n, Math.Sqrt(sq / n));
    }
}
