using StreamRisk.Core.Events;

namespace StreamRisk.Api.Responses;

/// <summary>One day of an issuer's sentiment index: the firm part (its own news), the industry part (news about its
/// industries) and their combination before and after the causal smoothing.</summary>
public sealed record DailyIndexPoint(DateOnly Day, int Revision, double? FirmScore, int FirmCount, double? IndustryScore,
    double Composite, double Smoothed, IReadOnlyList<string> TopDocIds)
{
    public static DailyIndexPoint From(DailySentiment d) =>
        new(d.Day, d.Revision, d.FirmScore, d.FirmCount, d.MesoScore, d.Composite, d.Smoothed, d.TopDocIds);
}

/// <summary>The probabilities of the three credit states on a day.</summary>
public sealed record ClassProbabilities(double Performing, double Extended, double Defaulted);

public sealed record RiskScoreView(DateOnly AsOf, int Revision, double IndexValue, double? LastSpreadBps, double SpreadChangeForecastBps,
    int HorizonDays, ClassProbabilities Probabilities, string RiskClass, string Model, IReadOnlyList<string> EvidenceDocIds)
{
    public static RiskScoreView From(RiskScore s) => new(s.AsOf, s.Revision, s.IndexValue, s.LastSpreadBps, s.SpreadChangeForecastBps,
        s.HorizonDays, new ClassProbabilities(s.PPerforming, s.PExtended, s.PDefaulted), RiskClassName(s.RiskClass), s.Model, s.EvidenceDocIds);

    private static string RiskClassName(RiskClass value) => value switch
    {
        Core.Events.RiskClass.Performing => "performing",
        Core.Events.RiskClass.Extended => "extended",
        _ => "defaulted",
    };
}
