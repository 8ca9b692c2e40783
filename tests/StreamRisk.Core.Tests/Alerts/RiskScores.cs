using StreamRisk.Core.Events;

namespace StreamRisk.Core.Tests.Alerts;

/// <summary>Builds the risk scores the alert rules watch.</summary>
internal static class RiskScores
{
    public static readonly DateOnly Day0 = new(2024, 6, 3);

    public static RiskScore Score(int day, double index, int revision = 0, RiskClass riskClass = RiskClass.Performing, string issuerId = "ISS1")
    {
        var asOf = Day0.AddDays(day);
        var (pP, pE, pD) = riskClass switch
        {
            RiskClass.Defaulted => (0.2, 0.2, 0.6),
            RiskClass.Extended => (0.3, 0.55, 0.15),
            _ => (0.9, 0.08, 0.02),
        };
        return new RiskScore($"{issuerId}:{asOf:yyyy-MM-dd}:r{revision}", issuerId, asOf, revision, index, 250, 0, 20, pP, pE, pD, riskClass, "test");
    }

    public static IReadOnlyList<string> Evidence(int day) => [$"doc-{day}-a", $"doc-{day}-b"];
}
