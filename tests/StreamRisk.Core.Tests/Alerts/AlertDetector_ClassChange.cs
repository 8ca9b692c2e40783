using StreamRisk.Core.Alerts;
using StreamRisk.Core.Events;
using static StreamRisk.Core.Tests.Alerts.RiskScores;

namespace StreamRisk.Core.Tests.Alerts;

public sealed class AlertDetector_ClassChange
{
    [Fact]
    public void EachChangeOfClass_Raises_WithSeverityByDirection()
    {
        var detector = new AlertDetector();
        Assert.Empty(detector.Observe(Score(0, 0, riskClass: RiskClass.Performing), []));
        Assert.Empty(detector.Observe(Score(1, 0, riskClass: RiskClass.Performing), []));

        var extended = Assert.Single(detector.Observe(Score(2, 0, riskClass: RiskClass.Extended), Evidence(2)));
        var defaulted = Assert.Single(detector.Observe(Score(3, 0, riskClass: RiskClass.Defaulted), []));
        var recovered = Assert.Single(detector.Observe(Score(4, 0, riskClass: RiskClass.Performing), []));

        Assert.Equal([AlertRules.ClassChange, AlertRules.ClassChange, AlertRules.ClassChange], new[] { extended.Rule, defaulted.Rule, recovered.Rule });
        Assert.Equal(AlertRules.Warning, extended.Severity);
        Assert.Equal(AlertRules.Critical, defaulted.Severity);
        Assert.Equal(AlertRules.Info, recovered.Severity);
        Assert.Equal(0.55, extended.Value);
        Assert.Null(extended.Threshold);
        Assert.Equal(Evidence(2), extended.EvidenceDocIds);
        Assert.Contains("performing to extended", extended.Message);
    }

    [Fact]
    public void FirstScore_HasNoPreviousClass_AndRaisesNothing()
    {
        Assert.Empty(new AlertDetector().Observe(Score(0, 0, riskClass: RiskClass.Defaulted), []));
    }
}
