namespace StreamRisk.Core.Subscriptions;

/// <summary>A team's standing request to be told about events that pass <see cref="Filter"/>: on the live feed
/// (SSE) always, and to a webhook when one is set.</summary>
/// <param name="WebhookUrl">Where to POST each event (https, or http to loopback for local receivers); null: feed only.</param>
/// <param name="WebhookSecret">HMAC key the webhook's bodies are signed with (32 random bytes); stored, since signing
/// needs it, and shown to the team once.</param>
public sealed record Subscription(
    string SubscriptionId,
    string TeamId,
    string Name,
    SubscriptionFilter Filter,
    Uri? WebhookUrl,
    byte[]? WebhookSecret,
    DateTimeOffset CreatedAt);
