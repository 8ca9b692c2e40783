using StreamRisk.Core.Events;

namespace StreamRisk.RiskModels.Default;

/// <summary>
/// An issuer at a prediction origin (EMDLOT's unit of prediction): what it had disclosed by the origin, oldest first,
/// and the worst class it was in over the label window that starts two quarters after the origin (the study's
/// exclusion of the last two quarters before an extension or a default: no look-ahead, no "late filing" shortcut).
/// </summary>
public sealed record DefaultExample(
    string IssuerId,
    string IndustryId,
    DateOnly Origin,
    RiskClass Label,
    IReadOnlyList<DisclosedQuarter> Quarters);

/// <summary>One statement as known at the origin.</summary>
/// <param name="Financial">The 32 EMDLOT indicators in <see cref="StreamRisk.Core.Simulation.EmdlotIndicators.Names"/> order, raw.</param>
/// <param name="Macro">The macro indicators at the period end, in the dataset's macro order, raw.</param>
/// <param name="MonthsSincePrevious">Δt of the Time-Aware LSTM: months between this period end and the previous
/// statement's (0 for the first).</param>
/// <param name="Chapters">The period's disclosure texts embedded per chapter (the dataset's chapter order); null where the
/// issuer published nothing of that chapter in the period.</param>
public sealed record DisclosedQuarter(
    DateOnly PeriodEnd,
    DateTimeOffset PublishedAt,
    double MonthsSincePrevious,
    double[] Financial,
    double[] Macro,
    float[]?[] Chapters);
