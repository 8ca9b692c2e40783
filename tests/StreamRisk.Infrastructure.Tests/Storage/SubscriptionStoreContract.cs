using StreamRisk.Core.Access;
using StreamRisk.Core.Subscriptions;

namespace StreamRisk.Infrastructure.Tests.Storage;

/// <summary>What every <see cref="ISubscriptionStore"/> must do; SQLite and PostgreSQL run the same cases on a fresh store.</summary>
public abstract partial class SubscriptionStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Secret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    protected ISubscriptionStore Store { get; private set; } = null!;
    protected ITeamStore Teams { get; private set; } = null!;

    /// <summary>A new, empty database seen through both stores, not yet migrated.</summary>
    protected abstract Task<(ISubscriptionStore Subscriptions, ITeamStore Teams)> CreateStoresAsync();

    public async Task InitializeAsync()
    {
        (Store, Teams) = await CreateStoresAsync();
        await Store.MigrateAsync();
        await Teams.AddTeamAsync(new Team("desk", "Desk", T0));
        await Teams.AddTeamAsync(new Team("surv", "Surveillance", T0));
    }

    public virtual async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        await Teams.DisposeAsync();
    }

    private static Subscription Sub(string id, string team, bool webhook = false, DateTimeOffset? at = null) => new(
        id, team, "name " + id, new SubscriptionFilter(["iss1"], [], ["sanctions"], [], "warning", [SubscriptionKind.Alert]),
        webhook ? new Uri("https://hooks.example.com/" + id) : null, webhook ? Secret : null, at ?? T0);

    private static FeedItem Item(string sub, string team, string eventId, SubscriptionKind kind = SubscriptionKind.Alert) =>
        new(team, sub, kind, eventId, T0, $$"""{"event_id":"{{eventId}}"}""");

    [Fact]
    public async Task A_subscription_reads_back_whole_for_its_team_only()
    {
        var sub = Sub("s1", "desk", webhook: true);
        await Store.AddSubscriptionAsync(sub);

        var read = await Store.GetSubscriptionAsync("desk", "s1");
        Assert.NotNull(read);
        Assert.Equal(sub.Filter.Issuers, read.Filter.Issuers);
        Assert.Equal(sub.Filter.Topics, read.Filter.Topics);
        Assert.Equal(sub.Filter.Kinds, read.Filter.Kinds);
        Assert.Equal("warning", read.Filter.MinSeverity);
        Assert.Equal(sub.WebhookUrl, read.WebhookUrl);
        Assert.Equal(Secret, read.WebhookSecret);
        Assert.Equal((sub.SubscriptionId, sub.TeamId, sub.Name, sub.CreatedAt), (read.SubscriptionId, read.TeamId, read.Name, read.CreatedAt));
        Assert.Null(await Store.GetSubscriptionAsync("surv", "s1"));
        Assert.Empty(await Store.GetSubscriptionsAsync("surv"));
    }

    [Fact]
    public async Task A_subscription_for_a_team_that_does_not_exist_is_refused() =>
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.AddSubscriptionAsync(Sub("s1", "ghost")));

    [Fact]
    public async Task Subscriptions_list_oldest_first_and_deleted_ones_disappear()
    {
        await Store.AddSubscriptionAsync(Sub("s2", "desk", at: T0.AddHours(1)));
        await Store.AddSubscriptionAsync(Sub("s1", "desk"));
        await Store.AddSubscriptionAsync(Sub("s3", "surv"));

        Assert.Equal(["s1", "s2"], (await Store.GetSubscriptionsAsync("desk")).Select(s => s.SubscriptionId));
        Assert.False(await Store.DeleteSubscriptionAsync("surv", "s1", T0), "another team cannot delete it");
        Assert.True(await Store.DeleteSubscriptionAsync("desk", "s1", T0));
        Assert.False(await Store.DeleteSubscriptionAsync("desk", "s1", T0));

        Assert.Equal(["s2"], (await Store.GetSubscriptionsAsync("desk")).Select(s => s.SubscriptionId));
        Assert.Equal(["s2", "s3"], (await Store.GetAllSubscriptionsAsync()).Select(s => s.SubscriptionId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_feed_takes_each_item_once_numbers_in_order_and_pages_per_team()
    {
        await Store.AddSubscriptionAsync(Sub("s1", "desk"));
        await Store.AddSubscriptionAsync(Sub("s2", "surv"));

        Assert.Equal(3, await Store.AppendToFeedAsync([Item("s1", "desk", "a1"), Item("s2", "surv", "a1"), Item("s1", "desk", "a2")], T0));
        Assert.Equal(1, await Store.AppendToFeedAsync([Item("s1", "desk", "a2"), Item("s1", "desk", "a3"), Item("s1", "desk", "a1")], T0));
        Assert.Equal(1, await Store.AppendToFeedAsync([Item("s1", "desk", "a1", SubscriptionKind.Score)], T0));

        var desk = await Store.ReadFeedAsync("desk", 0, 100);
        Assert.Equal(["a1", "a2", "a3", "a1"], desk.Select(e => e.Item.EventId));
        Assert.True(desk.Zip(desk.Skip(1)).All(p => p.First.Seq < p.Second.Seq));
        Assert.All(desk, e => Assert.Equal("desk", e.Item.TeamId));
        Assert.Equal(SubscriptionKind.Score, desk[^1].Item.Kind);
        Assert.Equal("""{"event_id":"a2"}""", desk[1].Item.Body);

        var afterFirst = await Store.ReadFeedAsync("desk", desk[0].Seq, 2);
        Assert.Equal([desk[1].Seq, desk[2].Seq], afterFirst.Select(e => e.Seq));
        Assert.Equal(["a1"], (await Store.ReadFeedAsync("surv", 0, 100)).Select(e => e.Item.EventId));
        Assert.Equal(desk[^1].Seq, await Store.GetLastSeqAsync("desk"));
        Assert.Equal(0, await Store.GetLastSeqAsync("nobody"));
    }

    [Fact]
    public async Task Only_subscriptions_with_a_webhook_get_deliveries_due_at_once()
    {
        await Store.AddSubscriptionAsync(Sub("hook", "desk", webhook: true));
        await Store.AddSubscriptionAsync(Sub("feed", "desk"));
        await Store.AppendToFeedAsync([Item("hook", "desk", "a1"), Item("feed", "desk", "a1"), Item("hook", "desk", "a2")], T0);

        Assert.Empty(await Store.GetDueDeliveriesAsync(T0.AddSeconds(-1), 10));
        var due = await Store.GetDueDeliveriesAsync(T0, 10);
        Assert.Equal(["a1", "a2"], due.Select(d => d.Delivery.EventId));
        Assert.All(due, d =>
        {
            Assert.Equal(new Uri("https://hooks.example.com/hook"), d.Url);
            Assert.Equal(Secret, d.Secret);
            Assert.Equal(DeliveryStatus.Pending, d.Delivery.Status);
            Assert.Equal(0, d.Delivery.Attempts);
        });
        Assert.Equal($$"""{"event_id":"a1"}""", due[0].Body);
        Assert.Single(await Store.GetDueDeliveriesAsync(T0, 1));
    }

    [Fact]
    public async Task Attempts_move_a_delivery_through_retry_delivered_and_dead()
    {
        await Store.AddSubscriptionAsync(Sub("hook", "desk", webhook: true));
        await Store.AppendToFeedAsync([Item("hook", "desk", "a1"), Item("hook", "desk", "a2")], T0);
        var (first, second) = (await Store.GetDueDeliveriesAsync(T0, 10)) is [var a, var b] ? (a.Delivery.DeliveryId, b.Delivery.DeliveryId) : default;

        await Store.RecordAttemptsAsync([new DeliveryAttempt(first, T0, false, 500, "HTTP 500", T0.AddSeconds(2))]);
        Assert.Equal([second], (await Store.GetDueDeliveriesAsync(T0.AddSeconds(1), 10)).Select(d => d.Delivery.DeliveryId));
        // A dispatcher's batch: several attempts recorded in one call.
        await Store.RecordAttemptsAsync([new DeliveryAttempt(first, T0.AddSeconds(2), true, 204, null, null),
            new DeliveryAttempt(second, T0, false, null, "timeout", null)]);

        var log = await Store.GetDeliveriesAsync("desk", null, 0, 10);
        Assert.Equal([(DeliveryStatus.Delivered, 2, 204, (string?)null), (DeliveryStatus.Dead, 1, (int?)null, "timeout")],
            log.Select(d => (d.Status, d.Attempts, d.LastStatusCode, d.LastError)));
        Assert.Equal(T0.AddSeconds(2), log[0].DeliveredAt);
        Assert.Empty(await Store.GetDueDeliveriesAsync(T0.AddDays(1), 10));
        Assert.Equal([second], (await Store.GetDeliveriesAsync("desk", DeliveryStatus.Dead, 0, 10)).Select(d => d.DeliveryId));
        Assert.Equal([second], (await Store.GetDeliveriesAsync("desk", null, first, 10)).Select(d => d.DeliveryId));
        Assert.Empty(await Store.GetDeliveriesAsync("surv", null, 0, 10));

        // A finished delivery is not changed by a late attempt record.
        await Store.RecordAttemptsAsync([new DeliveryAttempt(first, T0.AddSeconds(3), false, 500, "late", T0.AddSeconds(9))]);
        Assert.Equal(DeliveryStatus.Delivered, (await Store.GetDeliveriesAsync("desk", null, 0, 10))[0].Status);
    }

    [Fact]
    public async Task Redelivery_makes_a_dead_delivery_due_again_for_its_own_team_only()
    {
        await Store.AddSubscriptionAsync(Sub("hook", "desk", webhook: true));
        await Store.AppendToFeedAsync([Item("hook", "desk", "a1")], T0);
        var id = (await Store.GetDueDeliveriesAsync(T0, 10)).Single().Delivery.DeliveryId;
        await Store.RecordAttemptsAsync([new DeliveryAttempt(id, T0, false, 410, "HTTP 410", null)]);

        Assert.False(await Store.RedeliverAsync("surv", id, T0.AddHours(1)));
        Assert.False(await Store.RedeliverAsync("desk", id + 1000, T0.AddHours(1)));
        Assert.True(await Store.RedeliverAsync("desk", id, T0.AddHours(1)));

        var due = (await Store.GetDueDeliveriesAsync(T0.AddHours(1), 10)).Single().Delivery;
        Assert.Equal((id, DeliveryStatus.Pending, 0), (due.DeliveryId, due.Status, due.Attempts));
    }

    [Fact]
    public async Task Deleting_a_subscription_kills_its_pending_deliveries_and_stops_redelivery()
    {
        await Store.AddSubscriptionAsync(Sub("hook", "desk", webhook: true));
        await Store.AppendToFeedAsync([Item("hook", "desk", "a1")], T0);
        var id = (await Store.GetDueDeliveriesAsync(T0, 10)).Single().Delivery.DeliveryId;

        await Store.DeleteSubscriptionAsync("desk", "hook", T0);

        Assert.Empty(await Store.GetDueDeliveriesAsync(T0.AddDays(1), 10));
        var dead = (await Store.GetDeliveriesAsync("desk", null, 0, 10)).Single();
        Assert.Equal((DeliveryStatus.Dead, "subscription deleted"), (dead.Status, dead.LastError));
        Assert.False(await Store.RedeliverAsync("desk", id, T0));
        Assert.Equal(0, await Store.AppendToFeedAsync([], T0));
    }
}
