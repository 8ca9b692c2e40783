using StreamRisk.Core.Alerts;
using StreamRisk.Core.Events;

namespace StreamRisk.Pipeline.Hosting;

/// <summary>
/// Rebuilds the alert stage's detector from the store: it takes the stored alerts as its own, then observes the stored
/// scores issuer by issuer in day order. What that changes (alerts the store lacks, details that moved, alerts to
/// retract) comes from scores the stage had not consumed before it stopped: the caller stores and publishes it, since
/// the redelivered scores will find the detector already up to date. Pure.
/// </summary>
public static class AlertHistoryRestore
{
    /// <param name="scoresByIssuer">Each issuer's stored scores, ordered by day.</param>
    /// <param name="storedAlerts">Alerts already stored (latest revision of each, in force or retracted).</param>
    /// <returns>Alert versions to add, in the order the detector produced them.</returns>
    public static IReadOnlyList<RiskAlert> Replay(AlertDetector detector, IEnumerable<IReadOnlyList<RiskScore>> scoresByIssuer, IReadOnlyList<RiskAlert> storedAlerts)
    {
        detector.Remember(storedAlerts);
        var changes = new List<RiskAlert>();
        foreach (var scores in scoresByIssuer)
        {
            foreach (var score in scores)
            {
                changes.AddRange(detector.Observe(score, score.EvidenceDocIds));
            }
        }
        return changes;
    }
}
