using StreamRisk.Core.Events;

namespace StreamRisk.RiskModels.Forecasting;

/// <summary>A spread forecast h trading days ahead with its prediction interval (bps).</summary>
public readonly record struct HorizonForecast(int HorizonDays, double SpreadBps, double LowerBps, double UpperBps);

/// <summary>
/// A trained model's spread forecast for one issuer at one origin: per horizon the spread and its interval, the model
/// version, the dates of the inputs it read, and the attention of the spread's token over the input variates.
/// </summary>
public sealed record SpreadForecast(
    string IssuerId,
    DateOnly AsOf,
    string ModelVersion,
    double LastSpreadBps,
    IReadOnlyList<HorizonForecast> Horizons,
    DateOnly SpreadDay,
    DateOnly? IndexDay,
    DateOnly? StatementDay,
    IReadOnlyDictionary<string, double> Attention)
{
    /// <summary>What travels on <c>risk.scores.v1</c> (<see cref="RiskScore.SpreadForecast"/>).</summary>
    public SpreadForecastView ToEvent() => new(ModelVersion, SpreadDay, IndexDay, StatementDay,
        Horizons.Select(h => new SpreadForecastPoint(h.HorizonDays, Math.Round(h.SpreadBps, 4), Math.Round(h.LowerBps, 4), Math.Round(h.UpperBps, 4))).ToList());
}
