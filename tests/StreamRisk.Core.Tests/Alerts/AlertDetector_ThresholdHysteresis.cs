using StreamRisk.Core.Alerts;
using StreamRisk.Core.Events;
using static StreamRisk.Core.Tests.Alerts.RiskScores;

namespace StreamRisk.Core.Tests.Alerts;

public sealed class AlertDetector_ThresholdHysteresis
{
    [Fact]
    public void CrossingDownRaises_StayingBelowDoesNot_UntilRecoveredPastTheMargin()
    {
        var detector = new AlertDetector();
        double[] path = [0, -0.1, -0.3, -0.35, -0.22, -0.3, -0.18, -0.6, -0.7];
        var alerts = new List<RiskAlert>();
        for (var day = 0; day < path.Length; day++)
        {
            alerts.AddRange(detector.Observe(Score(day, path[day]), Evidence(day)));
        }

        var crossings = alerts.Where(a => a.Rule == AlertRules.ThresholdCrossing).ToList();
        Assert.Equal([Day0.AddDays(2), Day0.AddDays(7)], crossings.Select(a => a.AsOf));
        Assert.Equal([AlertRules.Warning, AlertRules.Critical], crossings.Select(a => a.Severity));
        Assert.Equal("ISS1:threshold_crossing:2024-06-05", crossings[0].AlertId);
        Assert.Equal(-0.3, crossings[0].Value);
        Assert.Equal(-0.25, crossings[0].Threshold);
        Assert.Equal(Evidence(2), crossings[0].EvidenceDocIds);
    }

    [Fact]
    public void IssuerFirstSeenBelowTheThreshold_Raises()
    {
        var alert = Assert.Single(new AlertDetector().Observe(Score(0, -0.4), []));
        Assert.Equal(AlertRules.ThresholdCrossing, alert.Rule);
    }

    [Fact]
    public void ConfiguredThresholdAndMargin_AreUsed()
    {
        var detector = new AlertDetector(new AlertRules { ThresholdIndex = 0.1, HysteresisMargin = 0.2 });
        Assert.Empty(detector.Observe(Score(0, 0.2), []));
        Assert.Single(detector.Observe(Score(1, 0.05), []));
        Assert.Empty(detector.Observe(Score(2, 0.25), []));
        Assert.Empty(detector.Observe(Score(3, 0.0), []));
        Assert.Empty(detector.Observe(Score(4, 0.35), []));
        Assert.Single(detector.Observe(Score(5, 0.0), []));
    }

    [Fact]
    public void Issuers_AreTrackedSeparately()
    {
        var detector = new AlertDetector();
        Assert.Single(detector.Observe(Score(0, -0.3, issuerId: "ISS1"), []));
        Assert.Single(detector.Observe(Score(0, -0.3, issuerId: "ISS2"), []));
    }
}
