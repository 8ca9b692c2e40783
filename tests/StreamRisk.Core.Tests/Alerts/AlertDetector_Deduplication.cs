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
    public void RevisedScoreForTheSameDay_RevisesTheAlert_AndNeverRaisesASecondOne()
    {
        var detector = new AlertDetector();
        detector.Observe(Score(0, 0), []);
        var first = Assert.Single(detector.Observe(Score(1, -0.3, revision: 0), []));
        var revised = Assert.Single(detector.Observe(Score(1, -0.45, revision: 1), []));
        Assert.Empty(detector.Observe(Score(1, -0.45, revision: 2), []));

        Assert.Equal(first.AlertId, revised.AlertId);
        Assert.Equal((0, 1), (first.Revision, revised.Revision));
        Assert.Equal(-0.45, revised.Value);
        Assert.Equal(RiskAlert.Active, revised.Status);
    }

    [Fact]
    public void A_revision_that_no_longer_meets_the_rule_retracts_the_alert_and_a_later_one_raises_it_again()
    {
        var detector = new AlertDetector();
        detector.Observe(Score(0, 0), []);
        var raised = Assert.Single(detector.Observe(Score(1, -0.3, revision: 0), []));

        var retracted = Assert.Single(detector.Observe(Score(1, 0.1, revision: 1), []));
        var again = Assert.Single(detector.Observe(Score(1, -0.35, revision: 2), []));

        Assert.Equal([raised.AlertId, raised.AlertId], new[] { retracted.AlertId, again.AlertId });
        Assert.Equal((RiskAlert.Retracted, 1), (retracted.Status, retracted.Revision));
        Assert.Equal((RiskAlert.Active, 2), (again.Status, again.Revision));
    }

    [Fact]
    public void Alerts_remembered_from_a_stopped_instance_are_revised_not_raised_again()
    {
        var before = new AlertDetector();
        before.Observe(Score(0, 0), []);
        var raised = Assert.Single(before.Observe(Score(1, -0.3), []));

        var after = new AlertDetector();
        after.Remember([raised]);
        Assert.Empty(after.Observe(Score(0, 0), []));
        Assert.Empty(after.Observe(Score(1, -0.3), []));
        Assert.Equal(1, Assert.Single(after.Observe(Score(1, -0.5, revision: 1), [])).Revision);
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
