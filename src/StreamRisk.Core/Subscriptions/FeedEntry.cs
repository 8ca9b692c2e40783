namespace StreamRisk.Core.Subscriptions;

/// <summary>
/// One event delivered to one subscription, in the team's feed. <see cref="Seq"/> grows with every entry appended to the
/// store (across teams), so a reader that remembers the last seq it saw — the SSE <c>Last-Event-ID</c> — resumes with
/// no gap and no repeat.
/// </summary>
/// <param name="Body">The JSON sent on the feed and to the webhook, exactly as stored (the webhook signs these bytes).</param>
public sealed record FeedEntry(long Seq, FeedItem Item);

/// <summary>An event matched to a subscription, before the store numbers it. (subscription, kind, event id) is its
/// identity: appending it again changes nothing.</summary>
public sealed record FeedItem(
    string TeamId,
    string SubscriptionId,
    SubscriptionKind Kind,
    string EventId,
    DateTimeOffset At,
    string Body);
