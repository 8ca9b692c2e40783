using System.Text.Json;
using StreamRisk.Core.Subscriptions;

namespace StreamRisk.Api.Responses;

/// <summary>A subscription as the API shows it; the webhook secret never appears here.</summary>
public sealed record SubscriptionView(string SubscriptionId, string Name, JsonElement Filter, string? WebhookUrl, DateTimeOffset CreatedAt)
{
    public static SubscriptionView From(Subscription s) => new(
        s.SubscriptionId, s.Name, JsonDocument.Parse(SubscriptionFilterJson.Write(s.Filter)).RootElement.Clone(), s.WebhookUrl?.AbsoluteUri, s.CreatedAt);
}

/// <summary>The answer to creating a subscription: the only time its webhook secret is shown.</summary>
public sealed record CreatedSubscriptionView(SubscriptionView Subscription, string? WebhookSecret);

/// <summary>One entry of the team's feed: <see cref="Data"/> is the event as the feed carries it.</summary>
public sealed record FeedEntryView(long Seq, string Kind, string SubscriptionId, string EventId, DateTimeOffset At, JsonElement Data)
{
    public static FeedEntryView From(FeedEntry e) =>
        new(e.Seq, SubscriptionFilterJson.KindName(e.Item.Kind), e.Item.SubscriptionId, e.Item.EventId, e.Item.At,
            JsonDocument.Parse(e.Item.Body).RootElement.GetProperty("data").Clone());
}

/// <summary>A page of the feed or of the delivery log: pass <see cref="NextAfter"/> as <c>after</c> for the next; null on the last.</summary>
public sealed record SeqPageOf<T>(IReadOnlyList<T> Items, long? NextAfter);

/// <summary>A row of the webhook delivery log.</summary>
public sealed record DeliveryView(long DeliveryId, string SubscriptionId, string EventId, string Status, int Attempts,
    DateTimeOffset NextAttemptAt, int? LastStatusCode, string? LastError, DateTimeOffset? DeliveredAt)
{
    public static DeliveryView From(WebhookDelivery d) => new(d.DeliveryId, d.SubscriptionId, d.EventId, d.Status.ToString().ToLowerInvariant(),
        d.Attempts, d.NextAttemptAt, d.LastStatusCode, d.LastError, d.DeliveredAt);
}
