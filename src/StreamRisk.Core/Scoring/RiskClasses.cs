using StreamRisk.Core.Events;

namespace StreamRisk.Core.Scoring;

/// <summary>The class a set of probabilities stands for, the same for every model.</summary>
public static class RiskClasses
{
    /// <summary>The most probable class; ties go to the more severe class (a desk would rather over- than under-warn).</summary>
    public static RiskClass MostProbable(double pPerforming, double pExtended, double pDefaulted) =>
        pDefaulted >= pExtended && pDefaulted >= pPerforming ? RiskClass.Defaulted
        : pExtended >= pPerforming ? RiskClass.Extended
        : RiskClass.Performing;
}
