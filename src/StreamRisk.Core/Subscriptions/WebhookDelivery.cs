namespace StreamRisk.Core.Subscriptions;

/// <summary>Where a webhook delivery stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Not yet delivered; tried again at <see cref="WebhookDelivery.NextAttemptAt"/>.</summary>
    Pending,
    Delivered,
    /// <summary>Every attempt failed (or the subscription was deleted); kept, and sent again only on request.</summary>
    Dead,
}

/// <summary>One feed entry on its way to a subscription's webhook: the delivery log's row.</summary>
/// <param name="DeliveryId">The feed entry's seq.</param>
public sealed record WebhookDelivery(
    long DeliveryId,
    string TeamId,
    string SubscriptionId,
    string EventId,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset? DeliveredAt);

/// <summary>A delivery that is due, with what sending it needs.</summary>
public sealed record DueDelivery(WebhookDelivery Delivery, Uri Url, byte[] Secret, string Body);

/// <summary>The outcome of one attempt, as the dispatcher records it.</summary>
/// <param name="NextAttemptAt">When to try again after a failure; null after a failure means dead-lettered.</param>
public sealed record DeliveryAttempt(
    long DeliveryId,
    DateTimeOffset At,
    bool Succeeded,
    int? StatusCode,
    string? Error,
    DateTimeOffset? NextAttemptAt)
{
    /// <summary>Where the delivery stands after this attempt: delivered, pending again (when there is a next time), or dead.</summary>
    public DeliveryStatus Outcome => Succeeded ? DeliveryStatus.Delivered : NextAttemptAt is null ? DeliveryStatus.Dead : DeliveryStatus.Pending;
}

/// <summary>The statuses as the stores keep them and the API shows them.</summary>
public static class DeliveryStatusNames
{
    public static IReadOnlyList<string> All { get; } = ["pending", "delivered", "dead"];

    public static string Name(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "pending",
        DeliveryStatus.Delivered => "delivered",
        DeliveryStatus.Dead => "dead",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static DeliveryStatus Parse(string name) => name switch
    {
        "pending" => DeliveryStatus.Pending,
        "delivered" => DeliveryStatus.Delivered,
        "dead" => DeliveryStatus.Dead,
        _ => throw new FormatException($"unknown delivery status '{name}'"),
    };
}
