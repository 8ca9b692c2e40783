namespace StreamRisk.Core.Indexing;

/// <summary>The full state of one industry-day that late texts may still change; dropped once the day closes.</summary>
internal sealed class OpenIndustryDay
{
    public FixedPointSum WeightedScore;
    public FixedPointSum TotalWeight;
    public int TextCount;
    public readonly HashSet<string> EventIds = new(StringComparer.Ordinal);
    public IndustryDailyValue? LastEmitted;

    /// <summary>Σ w·s / Σ |w|; NaN when no text carried weight.</summary>
    public double WeightedMean => TotalWeight.Units == 0 ? double.NaN : WeightedScore.Value / TotalWeight.Value;
}
