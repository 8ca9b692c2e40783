namespace StreamRisk.Pipeline.Notifications;

/// <summary>Outcomes of the dispatcher's attempts since the process started (for metrics).</summary>
public sealed class WebhookCounters
{
    private long _delivered, _retried, _dead;

    public long Delivered => Interlocked.Read(ref _delivered);
    public long Retried => Interlocked.Read(ref _retried);
    public long Dead => Interlocked.Read(ref _dead);

    public void Count(StreamRisk.Core.Subscriptions.DeliveryAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        Interlocked.Increment(ref attempt.Succeeded ? ref _delivered : ref attempt.NextAttemptAt is null ? ref _dead : ref _retried);
    }
}
