namespace StreamRisk.Core.Indexing;

/// <summary>An issuer's meso (industry-level) score for a day, from <see cref="IndustryDailyIndex"/>; null: none of its industries had data.</summary>
public sealed record IssuerMesoScore(string IssuerId, DateOnly Day, double? MesoScore);
