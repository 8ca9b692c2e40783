using StreamRisk.Core.Alerts;
using StreamRisk.Core.Events;

namespace StreamRisk.Pipeline.Hosting;

/// <summary>
/// Rebuilds the alert stage's detector from stored scores, issuer by issuer in day order. Alerts it raises that the
/// store lacks come from scores the stage had not consumed before it stopped: the caller stores and publishes them,
/// since the redelivered scores will not raise them again. Pure.
/// </summary>
public static class AlertHistoryRestore
{
    /// <param name="scoresByIssuer">Each issuer's stored scores, ordered by day.</param>
    /// <param name="storedAlertIds">Alerts already stored.</param>
    /// <returns>Alerts to add, in the order the detector raised them.</returns>
    public static IReadOnlyList<RiskAlert> Replay(AlertDetector detector, IEnumerable<IReadOnlyList<RiskScore>> scoresByIssuer, IReadOnlySet<string> storedAlertIds)
    {
        var missing = new List<RiskAlert>();
        foreach (var scores in scoresByIssuer)
        {
            foreach (var score in scores)
            {
                foreach (var alert in detector.Observe(score, score.EvidenceDocIds))
                {
                    if (!storedAlertIds.Contains(alert.AlertId))
                    {
                        missing.Add(alert);
                    }
                }
            }
        }
        return missing;
    }
}
