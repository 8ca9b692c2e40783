using StreamRisk.Core.Events;

namespace StreamRisk.Core.Scoring;

/// <summary>A risk model's view of one issuer: spread change over the horizon and class probabilities (summing to 1).</summary>
public readonly record struct RiskForecast(
    double SpreadChangeBps,
    double PPerforming,
    double PExtended,
    double PDefaulted,
    RiskClass RiskClass);
