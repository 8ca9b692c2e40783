using StreamRisk.Core.Subscriptions;

namespace StreamRisk.Core.Delivery;

/// <summary>What one webhook attempt means for its delivery: done, try again later, or give up.</summary>
public static class DeliveryOutcome
{
    /// <param name="statusCode">The receiver's HTTP status, or null when no answer came (timeout, refused, TLS).</param>
    /// <param name="error">What went wrong, for the delivery log (never the body or the secret).</param>
    public static DeliveryAttempt Of(WebhookDelivery delivery, DateTimeOffset at, int? statusCode, string? error,
        RetryBackoff backoff, Func<double> draw)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(backoff);
        if (statusCode is >= 200 and < 300)
        {
            return new DeliveryAttempt(delivery.DeliveryId, at, true, statusCode, null, null);
        }
        var problem = error ?? $"HTTP {statusCode}";
        // 410 Gone: the receiver says the endpoint is retired; retrying would only knock on a closed door.
        var delay = statusCode == 410 ? null : backoff.DelayAfter(delivery.Attempts + 1, draw);
        return new DeliveryAttempt(delivery.DeliveryId, at, false, statusCode, problem, delay is { } d ? at + d : null);
    }
}
