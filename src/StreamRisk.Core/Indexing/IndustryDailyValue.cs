namespace StreamRisk.Core.Indexing;

/// <summary>One industry's day: weighted mean sentiment of its texts and that mean's causal z-score.</summary>
/// <param name="Revision">0 for the first value of the day; each late correction adds one.</param>
public sealed record IndustryDailyValue(string IndustryId, DateOnly Day, int Revision, double WeightedMean, int TextCount, double ZScore);
