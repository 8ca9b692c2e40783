using StreamRisk.Core.Alerts;
using StreamRisk.Core.Events;
using static StreamRisk.Core.Tests.Alerts.RiskScores;

namespace StreamRisk.Core.Tests.Alerts;

public sealed class AlertDetector_Deduplication
{
    [Fact]
    public void RedeliveredScore_DoesNotRaiseAgain()
    {
        var detector = new AlertDetector();
        detector.Observe(Score(0, 0), []);
        Assert.Single(detector.Observe(Score(1, -0.3), []));
        Assert.Empty(detector.Observe(Score(1, -0.3), []));
    }

    [Fact]
    public void RevisedScoreForTheSameDay_DoesNotRaiseTheSameAlert()
    {
        var detector = new AlertDetector();
        detector.Observe(Score(0, 0), []);
        Assert.Single(detector.Observe(Score(1, -0.3, revision: 0), []));
        Assert.Empty(detector.Observe(Score(1, -0.45, revision: 1), []));
        Assert.Empty(detector.Observe(Score(1, -0.31, revision: 2), []));
    }

    [Fact]
    public void OlderRevision_IsIgnored()
    {
        var detector = new AlertDetector();
        detector.Observe(Score(0, 0), []);
        detector.Observe(Score(1, 0, revision: 3), []);
        Assert.Empty(detector.Observe(Score(1, -0.3, revision: 2), []));
        Assert.Single(detector.Observe(Score(2, -0.3), []));
    }

    [Fact]
    public void RevisionOfAnEarlierDay_RaisesOnlyAlertsNotRaisedBefore()
    {
        var detector = new AlertDetector();
        for (var day = 0; day < 4; day++)
        {
            detector.Observe(Score(day, -0.1), []);
        }

        Assert.Equal("ISS1:threshold_crossing:2024-06-07", Assert.Single(detector.Observe(Score(4, -0.3), [])).AlertId);

        // Day 2 is corrected below the line: a new crossing on day 2; day 3 (−0.1) re-arms, day 4 crosses again
        // but that alert was already raised.
        var alerts = detector.Observe(Score(2, -0.4, revision: 1), Evidence(2));
        var alert = Assert.Single(alerts);
        Assert.Equal("ISS1:threshold_crossing:2024-06-05", alert.AlertId);
        Assert.Equal(Evidence(2), alert.EvidenceDocIds);
    }

    [Fact]
    public void OneEpisode_RaisesOnce_HoweverLongItLasts()
    {
        var detector = new AlertDetector();
        var raised = new List<RiskAlert>();
        for (var day = 0; day < 200; day++)
        {
            raised.AddRange(detector.Observe(Score(day, day < 5 ? 0 : -0.5), []));
        }

        Assert.Single(raised, a => a.Rule == AlertRules.ThresholdCrossing);
    }

    [Fact]
    public void ScoreOlderThanTheRetainedHistory_IsIgnored()
    {
        var detector = new AlertDetector(new AlertRules { RetainedDays = 70 });
        for (var day = 0; day < 100; day++)
        {
            detector.Observe(Score(day, 0), []);
        }

        Assert.Empty(detector.Observe(Score(10, -0.9, revision: 1), []));
    }
}
