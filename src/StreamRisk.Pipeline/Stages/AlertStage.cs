using StreamRisk.Core.Alerts;
using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;

namespace StreamRisk.Pipeline.Stages;

/// <summary>risk.scores.v1 → risk.alerts.v1: threshold crossings, jumps and class changes, one alert per episode;
/// an alert is revised or retracted when a revised score changes what the rules find (see <see cref="AlertDetector"/>).</summary>
public sealed class AlertStage(StageContext context, AlertDetector detector)
    : PipelineStage(StageName, [Topics.RiskScores], context)
{
    public const string StageName = "alert";

    protected override ValueTask ProcessAsync(IReadOnlyList<ConsumedMessage> batch, StageOutput output, CancellationToken cancellationToken)
    {
        foreach (var message in batch)
        {
            var score = EventJson.Deserialize<RiskScore>(message.Value);
            foreach (var alert in detector.Observe(score, score.EvidenceDocIds))
            {
                output.Store.Alerts.Add(alert);
                output.Emit(Topics.RiskAlerts, alert.IssuerId, alert.EventId, alert, message);
                if (alert.Revision == 0)
                {
                    Counters.Alert();
                }
            }
        }
        return ValueTask.CompletedTask;
    }
}
