namespace StreamRisk.Core.Subscriptions;

/// <summary>
/// Subscriptions, the feed of what matched them, the webhook delivery log and the alerts a team acknowledged: in the
/// risk store's database (SQLite file or PostgreSQL schema), tables of their own. Every read is scoped to one team, so a team can never see another's.
/// </summary>
public interface ISubscriptionStore : IAsyncDisposable
{
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a new subscription; its team must exist. Ids are made by the caller (random), so never collide.</summary>
    Task AddSubscriptionAsync(Subscription subscription, CancellationToken cancellationToken = default);

    /// <summary>The team's subscription, or null when it does not exist, was deleted or is another team's.</summary>
    Task<Subscription?> GetSubscriptionAsync(string teamId, string subscriptionId, CancellationToken cancellationToken = default);

    /// <summary>The team's live subscriptions, oldest first.</summary>
    Task<IReadOnlyList<Subscription>> GetSubscriptionsAsync(string teamId, CancellationToken cancellationToken = default);

    /// <summary>Every live subscription of every team: what the fan-out matches events against.</summary>
    Task<IReadOnlyList<Subscription>> GetAllSubscriptionsAsync(CancellationToken cancellationToken = default);

    /// <returns>False when the team has no such live subscription. Its pending deliveries become dead.</returns>
    Task<bool> DeleteSubscriptionAsync(string teamId, string subscriptionId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends matched events to the feed, each once (an item already there is skipped), and, in the same transaction,
    /// a pending webhook delivery due at <paramref name="now"/> for each new entry whose subscription has a webhook.
    /// </summary>
    /// <returns>How many entries were new.</returns>
    Task<int> AppendToFeedAsync(IReadOnlyList<FeedItem> items, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The team's feed after <paramref name="afterSeq"/>, in seq order, at most <paramref name="limit"/> entries.</summary>
    Task<IReadOnlyList<FeedEntry>> ReadFeedAsync(string teamId, long afterSeq, int limit, CancellationToken cancellationToken = default);

    /// <summary>The seq of the team's newest feed entry; 0 when its feed is empty. A live stream starts after it.</summary>
    Task<long> GetLastSeqAsync(string teamId, CancellationToken cancellationToken = default);

    /// <summary>Pending deliveries due at or before <paramref name="now"/>, oldest due first.</summary>
    Task<IReadOnlyList<DueDelivery>> GetDueDeliveriesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>Records attempts, in one transaction: each delivered, pending again (with its next time), or dead; its attempts
    /// count up by one. A dispatcher records a whole batch at once: one commit (one disk sync) per batch, not per POST.</summary>
    Task RecordAttemptsAsync(IReadOnlyList<DeliveryAttempt> attempts, CancellationToken cancellationToken = default);

    /// <summary>The team's deliveries after <paramref name="afterDeliveryId"/>, optionally of one status, in id order.</summary>
    Task<IReadOnlyList<WebhookDelivery>> GetDeliveriesAsync(string teamId, DeliveryStatus? status, long afterDeliveryId, int limit,
        CancellationToken cancellationToken = default);

    /// <summary>Makes a dead (or delivered) delivery of the team pending again, due at <paramref name="now"/>, with its
    /// attempts counted from zero again.</summary>
    /// <returns>False when the team has no such delivery or its subscription was deleted.</returns>
    Task<bool> RedeliverAsync(string teamId, long deliveryId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Records the team's acknowledgement of an alert; acknowledging again keeps the first one.</summary>
    /// <returns>The acknowledgement stored: the new one, or the earlier one when there was one.</returns>
    Task<AlertAcknowledgement> AcknowledgeAlertAsync(AlertAcknowledgement acknowledgement, CancellationToken cancellationToken = default);

    /// <returns>False when the team had not acknowledged the alert.</returns>
    Task<bool> RemoveAcknowledgementAsync(string teamId, string alertId, CancellationToken cancellationToken = default);

    /// <summary>The team's acknowledgements of the given alerts (the ones it has; alerts it did not acknowledge are absent).</summary>
    Task<IReadOnlyList<AlertAcknowledgement>> GetAcknowledgementsAsync(string teamId, IReadOnlyCollection<string> alertIds,
        CancellationToken cancellationToken = default);
}
