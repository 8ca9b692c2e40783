using Npgsql;
using StreamRisk.Core.Subscriptions;
using StreamRisk.Infrastructure.Storage;

namespace StreamRisk.Infrastructure.Postgres;

/// <summary><see cref="ISubscriptionStore"/> on PostgreSQL, in the risk store's schema.</summary>
public sealed class PostgresSubscriptionStore : ISubscriptionStore
{
    // Feed appends hold this transaction lock so seqs commit in the order they were taken: a reader resuming after seq
    // n must never find n−1 committed later. Any fixed number; this one spells "StrmFeed".
    private const long FeedLockKey = 0x5374726D46656564;

    private readonly PostgresRiskStore _schema;
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresStatements _sql;

    public PostgresSubscriptionStore(string connectionString, TimeProvider? timeProvider = null)
    {
        _schema = new PostgresRiskStore(connectionString, timeProvider);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _sql = new PostgresStatements(_dataSource);
    }

    public Task MigrateAsync(CancellationToken cancellationToken = default) => _schema.MigrateAsync(cancellationToken);

    public async Task AddSubscriptionAsync(Subscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        try
        {
            await _sql.ExecuteAsync("""
                INSERT INTO subscriptions (subscription_id, team_id, name, filter, webhook_url, webhook_secret, created_at)
                VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)
                """,
                [subscription.SubscriptionId, subscription.TeamId, subscription.Name, SubscriptionFilterJson.Write(subscription.Filter),
                 subscription.WebhookUrl?.AbsoluteUri, subscription.WebhookSecret, subscription.CreatedAt.ToUniversalTime()],
                cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new InvalidOperationException($"no team '{subscription.TeamId}' to subscribe", e);
        }
    }

    public async Task<Subscription?> GetSubscriptionAsync(string teamId, string subscriptionId, CancellationToken cancellationToken = default) =>
        (await _sql.QueryAsync(SelectSubscriptions + " WHERE team_id = $1 AND subscription_id = $2 AND deleted_at IS NULL",
            [teamId, subscriptionId], ReadSubscription, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    public Task<IReadOnlyList<Subscription>> GetSubscriptionsAsync(string teamId, CancellationToken cancellationToken = default) =>
        _sql.QueryAsync(SelectSubscriptions + " WHERE team_id = $1 AND deleted_at IS NULL ORDER BY created_at, subscription_id COLLATE \"C\"",
            [teamId], ReadSubscription, cancellationToken);

    public Task<IReadOnlyList<Subscription>> GetAllSubscriptionsAsync(CancellationToken cancellationToken = default) =>
        _sql.QueryAsync(SelectSubscriptions + " WHERE deleted_at IS NULL ORDER BY team_id COLLATE \"C\", created_at, subscription_id COLLATE \"C\"",
            [], ReadSubscription, cancellationToken);

    public Task<bool> DeleteSubscriptionAsync(string teamId, string subscriptionId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        _sql.InTransactionAsync(async (connection, transaction) =>
        {
            await using var delete = PostgresStatements.Command(connection, transaction,
                "UPDATE subscriptions SET deleted_at = $3 WHERE team_id = $1 AND subscription_id = $2 AND deleted_at IS NULL",
                teamId, subscriptionId, at.ToUniversalTime());
            if (await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return false;
            }
            await using var kill = PostgresStatements.Command(connection, transaction,
                "UPDATE webhook_deliveries SET status = 'dead', last_error = 'subscription deleted' WHERE subscription_id = $1 AND status = 'pending'",
                subscriptionId);
            await kill.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task<int> AppendToFeedAsync(IReadOnlyList<FeedItem> items, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return Task.FromResult(0);
        }
        return _sql.InTransactionAsync(async (connection, transaction) =>
        {
            await using (var gate = PostgresStatements.Command(connection, transaction, $"SELECT pg_advisory_xact_lock({FeedLockKey})"))
            {
                await gate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            var added = 0;
            foreach (var item in items)
            {
                await using var insert = PostgresStatements.Command(connection, transaction, """
                    INSERT INTO team_feed (team_id, subscription_id, kind, event_id, at, body) VALUES ($1, $2, $3, $4, $5, $6)
                    ON CONFLICT (subscription_id, kind, event_id) DO NOTHING
                    RETURNING seq
                    """,
                    item.TeamId, item.SubscriptionId, SubscriptionFilterJson.KindName(item.Kind), item.EventId, item.At.ToUniversalTime(), item.Body);
                if (await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not long seq)
                {
                    continue;
                }
                added++;
                await using var deliver = PostgresStatements.Command(connection, transaction, """
                    INSERT INTO webhook_deliveries (delivery_id, team_id, subscription_id, status, attempts, next_attempt_at)
                    SELECT $1, team_id, subscription_id, 'pending', 0, $3 FROM subscriptions
                    WHERE subscription_id = $2 AND webhook_url IS NOT NULL AND deleted_at IS NULL
                    """, seq, item.SubscriptionId, now.ToUniversalTime());
                await deliver.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return added;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<FeedEntry>> ReadFeedAsync(string teamId, long afterSeq, int limit, CancellationToken cancellationToken = default) =>
        _sql.QueryAsync("""
            SELECT seq, team_id, subscription_id, kind, event_id, at, body FROM team_feed
            WHERE team_id = $1 AND seq > $2 ORDER BY seq LIMIT $3
            """,
            [teamId, afterSeq, limit],
            r => new FeedEntry(r.GetInt64(0), new FeedItem(r.GetString(1), r.GetString(2), SubscriptionFilterJson.ParseKind(r.GetString(3)),
                r.GetString(4), r.GetFieldValue<DateTimeOffset>(5), r.GetString(6))),
            cancellationToken);

    public async Task<long> GetLastSeqAsync(string teamId, CancellationToken cancellationToken = default) =>
        (await _sql.QueryAsync("SELECT COALESCE(MAX(seq), 0) FROM team_feed WHERE team_id = $1", [teamId],
            r => r.GetInt64(0), cancellationToken).ConfigureAwait(false)).Single();

    public Task<IReadOnlyList<DueDelivery>> GetDueDeliveriesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        _sql.QueryAsync($"""
            SELECT {DeliveryColumns}, s.webhook_url, s.webhook_secret, f.body
            FROM webhook_deliveries d
            JOIN subscriptions s ON s.subscription_id = d.subscription_id
            JOIN team_feed f ON f.seq = d.delivery_id
            WHERE d.status = 'pending' AND d.next_attempt_at <= $1
            ORDER BY d.next_attempt_at, d.delivery_id LIMIT $2
            """,
            [now.ToUniversalTime(), limit],
            r => new DueDelivery(ReadDelivery(r), new Uri(r.GetString(10)), r.GetFieldValue<byte[]>(11), r.GetString(12)),
            cancellationToken);

    public Task RecordAttemptsAsync(IReadOnlyList<DeliveryAttempt> attempts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        if (attempts.Count == 0)
        {
            return Task.CompletedTask;
        }
        return _sql.InTransactionAsync(async (connection, transaction) =>
        {
            foreach (var attempt in attempts)
            {
                var status = DeliveryStatusNames.Name(attempt.Outcome);
                await using var update = PostgresStatements.Command(connection, transaction, """
                    UPDATE webhook_deliveries
                    SET status = $2, attempts = attempts + 1, last_status_code = $3::integer, last_error = $4::text,
                        next_attempt_at = COALESCE($5::timestamptz, next_attempt_at), delivered_at = $6::timestamptz
                    WHERE delivery_id = $1 AND status = 'pending'
                    """,
                    attempt.DeliveryId, status, attempt.StatusCode, attempt.Error, attempt.NextAttemptAt?.ToUniversalTime(),
                    attempt.Succeeded ? attempt.At.ToUniversalTime() : null);
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return attempts.Count;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<WebhookDelivery>> GetDeliveriesAsync(string teamId, DeliveryStatus? status, long afterDeliveryId, int limit,
        CancellationToken cancellationToken = default) =>
        _sql.QueryAsync($"""
            SELECT {DeliveryColumns} FROM webhook_deliveries d JOIN team_feed f ON f.seq = d.delivery_id
            WHERE d.team_id = $1 AND d.delivery_id > $2 AND ($3::text IS NULL OR d.status = $3::text)
            ORDER BY d.delivery_id LIMIT $4
            """,
            [teamId, afterDeliveryId, status is { } s ? DeliveryStatusNames.Name(s) : null, limit],
            ReadDelivery, cancellationToken);

    public async Task<bool> RedeliverAsync(string teamId, long deliveryId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await _sql.ExecuteAsync("""
            UPDATE webhook_deliveries d SET status = 'pending', attempts = 0, next_attempt_at = $3, delivered_at = NULL
            WHERE d.delivery_id = $1 AND d.team_id = $2
              AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.subscription_id = d.subscription_id AND s.deleted_at IS NULL)
            """,
            [deliveryId, teamId, now.ToUniversalTime()], cancellationToken).ConfigureAwait(false) == 1;

    public async Task<AlertAcknowledgement> AcknowledgeAlertAsync(AlertAcknowledgement acknowledgement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(acknowledgement);
        await _sql.ExecuteAsync("""
            INSERT INTO alert_acknowledgements (team_id, alert_id, acknowledged_at, key_id, note)
            SELECT $1::text, $2::text, $3::timestamptz, $4::text, $5::text WHERE EXISTS (SELECT 1 FROM teams WHERE team_id = $1)
            ON CONFLICT (team_id, alert_id) DO NOTHING
            """,
            [acknowledgement.TeamId, acknowledgement.AlertId, acknowledgement.AcknowledgedAt.ToUniversalTime(), acknowledgement.KeyId, acknowledgement.Note],
            cancellationToken).ConfigureAwait(false);
        var stored = await GetAcknowledgementsAsync(acknowledgement.TeamId, [acknowledgement.AlertId], cancellationToken).ConfigureAwait(false);
        return stored.Count == 1 ? stored[0] : throw new InvalidOperationException($"no team '{acknowledgement.TeamId}' to acknowledge for");
    }

    public async Task<bool> RemoveAcknowledgementAsync(string teamId, string alertId, CancellationToken cancellationToken = default) =>
        await _sql.ExecuteAsync("DELETE FROM alert_acknowledgements WHERE team_id = $1 AND alert_id = $2", [teamId, alertId], cancellationToken)
            .ConfigureAwait(false) == 1;

    public Task<IReadOnlyList<AlertAcknowledgement>> GetAcknowledgementsAsync(string teamId, IReadOnlyCollection<string> alertIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alertIds);
        return _sql.QueryAsync("""
            SELECT team_id, alert_id, acknowledged_at, key_id, note FROM alert_acknowledgements
            WHERE team_id = $1 AND alert_id = ANY ($2::text[]) ORDER BY alert_id COLLATE "C"
            """,
            [teamId, alertIds.ToArray()],
            r => new AlertAcknowledgement(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4)),
            cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await _schema.DisposeAsync().ConfigureAwait(false);
    }

    private const string SelectSubscriptions =
        "SELECT subscription_id, team_id, name, filter::text, webhook_url, webhook_secret, created_at FROM subscriptions";

    private const string DeliveryColumns =
        "d.delivery_id, d.team_id, d.subscription_id, f.event_id, d.status, d.attempts, d.next_attempt_at, d.last_status_code, d.last_error, d.delivered_at";

    private static Subscription ReadSubscription(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), SubscriptionFilterJson.Read(r.GetString(3)),
        r.IsDBNull(4) ? null : new Uri(r.GetString(4)), r.IsDBNull(5) ? null : r.GetFieldValue<byte[]>(5),
        r.GetFieldValue<DateTimeOffset>(6));

    private static WebhookDelivery ReadDelivery(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), DeliveryStatusNames.Parse(r.GetString(4)), r.GetInt32(5),
        r.GetFieldValue<DateTimeOffset>(6), r.IsDBNull(7) ? null : r.GetInt32(7), r.IsDBNull(8) ? null : r.GetString(8),
        r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9));
}
