using StreamRisk.Core.Alerts;
using StreamRisk.Core.Events;
using static StreamRisk.Core.Tests.Alerts.RiskScores;

namespace StreamRisk.Core.Tests.Alerts;

public sealed class AlertDetector_Jump
{
    private static (AlertDetector Detector, double Last) Calm(int days, int seed = 7)
    {
        var detector = new AlertDetector();
        var random = new Random(seed);
        var index = 0.0;
        for (var day = 0; day < days; day++)
        {
            index = Math.Clamp(index + (random.NextDouble() - 0.5) * 0.02, -0.1, 0.1);
            Assert.Empty(detector.Observe(Score(day, index), Evidence(day)));
        }

        return (detector, index);
    }

    [Fact]
    public void FallFarBeyondPastChanges_RaisesACriticalJump()
    {
        var (detector, last) = Calm(40);
        var alert = Assert.Single(detector.Observe(Score(40, last - 0.12), Evidence(40)));
        Assert.Equal(AlertRules.Jump, alert.Rule);
        Assert.Equal(AlertRules.Critical, alert.Severity);
        Assert.Equal(-0.12, alert.Value, 12);
        Assert.True(alert.Threshold < 0 && alert.Threshold > -0.12);
        Assert.Equal("ISS1:jump:2024-07-13", alert.AlertId);
        Assert.Equal(Evidence(40), alert.EvidenceDocIds);
    }

    [Fact]
    public void RiseFarBeyondPastChanges_IsInfo()
    {
        var (detector, last) = Calm(40);
        var alert = Assert.Single(detector.Observe(Score(40, last + 0.12), []));
        Assert.Equal(AlertRules.Info, alert.Severity);
    }

    [Fact]
    public void ChangeWithinTheUsualRange_DoesNotRaise()
    {
        var (detector, last) = Calm(40);
        Assert.Empty(detector.Observe(Score(40, last - 0.005), []));
    }

    [Fact]
    public void BeforeTheMinimumHistory_NoJumpIsRaised()
    {
        var (detector, last) = Calm(10);
        Assert.Empty(detector.Observe(Score(10, last - 0.12), []));
    }

    [Fact]
    public void ModerateFall_IsAWarning()
    {
        var detector = new AlertDetector();
        var alternating = 0.0;
        for (var day = 0; day < 30; day++)
        {
            alternating = day % 2 == 0 ? 0.01 : -0.01;
            detector.Observe(Score(day, alternating), []);
        }

        // Past changes are ±0.02 with sd ≈ 0.02: a change of about −0.1 is 4–5 sd, below the critical 6 sd.
        var alert = Assert.Single(detector.Observe(Score(30, alternating - 0.1), []));
        Assert.Equal(AlertRules.Warning, alert.Severity);
    }

    private static AlertDetector Flat(int days, double level)
    {
        var detector = new AlertDetector();
        for (var day = 0; day < days; day++)
        {
            // A flat index carries rounding noise, as a smoothed series does: changes of about 1e-12.
            Assert.Empty(detector.Observe(Score(day, level + (day % 2 == 0 ? 1e-12 : -1e-12)), []));
        }

        return detector;
    }

    [Fact]
    public void AfterAFlatStretch_ASmallChangeIsNotAJump()
    {
        var detector = Flat(40, -0.05);

        Assert.Empty(detector.Observe(Score(40, -0.05 + 0.019), []));
    }

    [Fact]
    public void AfterAFlatStretch_AMaterialFallIsAJumpMeasuredAgainstTheFloor()
    {
        var detector = Flat(40, -0.05);

        var alert = Assert.Single(detector.Observe(Score(40, -0.05 - 0.059), []));

        // −0.059 against a floor of 0.01 is −5.9 sd: a warning (critical from 2 × 3 sd), not −5 billion sd.
        Assert.Equal(AlertRules.Warning, alert.Severity);
        Assert.Contains("is -5.9 sd from", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_floor_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new AlertDetector(new AlertRules { JumpMinSd = -0.01 }));
    }
}
