using Microsoft.Data.Sqlite;
using StreamRisk.Core.Subscriptions;

namespace StreamRisk.Infrastructure.Storage;

/// <summary><see cref="ISubscriptionStore"/> in the embedded store's SQLite file, beside the risk tables.</summary>
public sealed class SqliteSubscriptionStore : ISubscriptionStore
{
    private readonly SqliteRiskStore _schema;
    private readonly SqliteStatements _sql;

    public SqliteSubscriptionStore(string path, TimeProvider? time = null, bool mustExist = false)
    {
        _schema = new SqliteRiskStore(path, time, syncEachCommit: true, mustExist: mustExist);
        _sql = new SqliteStatements(_schema.DatabasePath);
    }

    public Task MigrateAsync(CancellationToken cancellationToken = default) => _schema.MigrateAsync(cancellationToken);

    public async Task AddSubscriptionAsync(Subscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var added = await _sql.ExecuteAsync("""
            INSERT INTO subscriptions (subscription_id, team_id, name, filter, webhook_url, webhook_secret, created_at)
            SELECT @id, @team, @name, @filter, @url, @secret, @at
            WHERE EXISTS (SELECT 1 FROM teams WHERE team_id = @team)
            """,
            [("@id", subscription.SubscriptionId), ("@team", subscription.TeamId), ("@name", subscription.Name),
             ("@filter", SubscriptionFilterJson.Write(subscription.Filter)), ("@url", subscription.WebhookUrl?.AbsoluteUri),
             ("@secret", subscription.WebhookSecret), ("@at", StoreValueFormat.Instant(subscription.CreatedAt))],
            cancellationToken).ConfigureAwait(false);
        if (added == 0)
        {
            throw new InvalidOperationException($"no team '{subscription.TeamId}' to subscribe");
        }
    }

    public async Task<Subscription?> GetSubscriptionAsync(string teamId, string subscriptionId, CancellationToken cancellationToken = default) =>
        (await _sql.QueryAsync(SelectSubscriptions + " WHERE team_id = @team AND subscription_id = @id AND deleted_at IS NULL",
            [("@team", teamId), ("@id", subscriptionId)], ReadSubscription, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    public Task<IReadOnlyList<Subscription>> GetSubscriptionsAsync(string teamId, CancellationToken cancellationToken = default) =>
        _sql.QueryAsync(SelectSubscriptions + " WHERE team_id = @team AND deleted_at IS NULL ORDER BY created_at, subscription_id",
            [("@team", teamId)], ReadSubscription, cancellationToken);

    public Task<IReadOnlyList<Subscription>> GetAllSubscriptionsAsync(CancellationToken cancellationToken = default) =>
        _sql.QueryAsync(SelectSubscriptions + " WHERE deleted_at IS NULL ORDER BY team_id, created_at, subscription_id",
            [], ReadSubscription, cancellationToken);

    public Task<bool> DeleteSubscriptionAsync(string teamId, string subscriptionId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        _sql.InTransactionAsync(async (connection, transaction) =>
        {
            await using var delete = SqliteStatements.Command(connection, transaction,
                "UPDATE subscriptions SET deleted_at = @at WHERE team_id = @team AND subscription_id = @id AND deleted_at IS NULL",
                [("@team", teamId), ("@id", subscriptionId), ("@at", StoreValueFormat.Instant(at))]);
            if (await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return false;
            }
            await using var kill = SqliteStatements.Command(connection, transaction,
                "UPDATE webhook_deliveries SET status = 'dead', last_error = 'subscription deleted' WHERE subscription_id = @id AND status = 'pending'",
                [("@id", subscriptionId)]);
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
            var added = 0;
            await using var insert = SqliteStatements.Command(connection, transaction, """
                INSERT INTO team_feed (team_id, subscription_id, kind, event_id, at, body) VALUES (@team, @sub, @kind, @event, @at, @body)
                ON CONFLICT (subscription_id, kind, event_id) DO NOTHING
                RETURNING seq
                """, [("@team", ""), ("@sub", ""), ("@kind", ""), ("@event", ""), ("@at", ""), ("@body", "")]);
            await using var deliver = SqliteStatements.Command(connection, transaction, """
                INSERT INTO webhook_deliveries (delivery_id, team_id, subscription_id, status, attempts, next_attempt_at)
                SELECT @seq, team_id, subscription_id, 'pending', 0, @now FROM subscriptions
                WHERE subscription_id = @sub AND webhook_url IS NOT NULL AND deleted_at IS NULL
                """, [("@seq", 0L), ("@sub", ""), ("@now", StoreValueFormat.Instant(now))]);
            foreach (var item in items)
            {
                insert.Parameters["@team"].Value = item.TeamId;
                insert.Parameters["@sub"].Value = item.SubscriptionId;
                insert.Parameters["@kind"].Value = SubscriptionFilterJson.KindName(item.Kind);
                insert.Parameters["@event"].Value = item.EventId;
                insert.Parameters["@at"].Value = StoreValueFormat.Instant(item.At);
                insert.Parameters["@body"].Value = item.Body;
                if (await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not long seq)
                {
                    continue;
                }
                added++;
                deliver.Parameters["@seq"].Value = seq;
                deliver.Parameters["@sub"].Value = item.SubscriptionId;
                await deliver.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return added;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<FeedEntry>> ReadFeedAsync(string teamId, long afterSeq, int limit, CancellationToken cancellationToken = default) =>
        _sql.QueryAsync("""
            SELECT seq, team_id, subscription_id, kind, event_id, at, body FROM team_feed
            WHERE team_id = @team AND seq > @after ORDER BY seq LIMIT @limit
            """,
            [("@team", teamId), ("@after", afterSeq), ("@limit", limit)],
            r => new FeedEntry(r.GetInt64(0), new FeedItem(r.GetString(1), r.GetString(2), SubscriptionFilterJson.ParseKind(r.GetString(3)),
                r.GetString(4), StoreValueFormat.ParseInstant(r.GetString(5)), r.GetString(6))),
            cancellationToken);

    public async Task<long> GetLastSeqAsync(string teamId, CancellationToken cancellationToken = default) =>
        (await _sql.QueryAsync("SELECT COALESCE(MAX(seq), 0) FROM team_feed WHERE team_id = @team", [("@team", teamId)],
            r => r.GetInt64(0), cancellationToken).ConfigureAwait(false)).Single();

    public Task<IReadOnlyList<DueDelivery>> GetDueDeliveriesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        _sql.QueryAsync($"""
            SELECT {DeliveryColumns}, s.webhook_url, s.webhook_secret, f.body
            FROM webhook_deliveries d
            JOIN subscriptions s ON s.subscription_id = d.subscription_id
            JOIN team_feed f ON f.seq = d.delivery_id
            WHERE d.status = 'pending' AND d.next_attempt_at <= @now
            ORDER BY d.next_attempt_at, d.delivery_id LIMIT @limit
            """,
            [("@now", StoreValueFormat.Instant(now)), ("@limit", limit)],
            r => new DueDelivery(ReadDelivery(r), new Uri(r.GetString(10)), (byte[])r.GetValue(11), r.GetString(12)),
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
            await using var update = SqliteStatements.Command(connection, transaction, """
                UPDATE webhook_deliveries
                SET status = @status, attempts = attempts + 1, last_status_code = @code, last_error = @error,
                    next_attempt_at = COALESCE(@next, next_attempt_at), delivered_at = @delivered
                WHERE delivery_id = @id AND status = 'pending'
                """, [("@id", 0L), ("@status", ""), ("@code", null), ("@error", null), ("@next", null), ("@delivered", null)]);
            foreach (var attempt in attempts)
            {
                update.Parameters["@id"].Value = attempt.DeliveryId;
                update.Parameters["@status"].Value = DeliveryStatusNames.Name(attempt.Outcome);
                update.Parameters["@code"].Value = (object?)attempt.StatusCode ?? DBNull.Value;
                update.Parameters["@error"].Value = (object?)attempt.Error ?? DBNull.Value;
                update.Parameters["@next"].Value = attempt.NextAttemptAt is { } next ? StoreValueFormat.Instant(next) : DBNull.Value;
                update.Parameters["@delivered"].Value = attempt.Succeeded ? StoreValueFormat.Instant(attempt.At) : DBNull.Value;
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return attempts.Count;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<WebhookDelivery>> GetDeliveriesAsync(string teamId, DeliveryStatus? status, long afterDeliveryId, int limit,
        CancellationToken cancellationToken = default) =>
        _sql.QueryAsync($"""
            SELECT {DeliveryColumns} FROM webhook_deliveries d JOIN team_feed f ON f.seq = d.delivery_id
            WHERE d.team_id = @team AND d.delivery_id > @after AND (@status IS NULL OR d.status = @status)
            ORDER BY d.delivery_id LIMIT @limit
            """,
            [("@team", teamId), ("@after", afterDeliveryId), ("@status", status is { } s ? DeliveryStatusNames.Name(s) : null), ("@limit", limit)],
            ReadDelivery, cancellationToken);

    public async Task<bool> RedeliverAsync(string teamId, long deliveryId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await _sql.ExecuteAsync("""
            UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = @now, delivered_at = NULL
            WHERE delivery_id = @id AND team_id = @team
              AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.subscription_id = webhook_deliveries.subscription_id AND s.deleted_at IS NULL)
            """,
            [("@id", deliveryId), ("@team", teamId), ("@now", StoreValueFormat.Instant(now))], cancellationToken).ConfigureAwait(false) == 1;

    public async Task<AlertAcknowledgement> AcknowledgeAlertAsync(AlertAcknowledgement acknowledgement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(acknowledgement);
        await _sql.ExecuteAsync("""
            INSERT INTO alert_acknowledgements (team_id, alert_id, acknowledged_at, key_id, note)
            SELECT @team, @alert, @at, @key, @note WHERE EXISTS (SELECT 1 FROM teams WHERE team_id = @team)
            ON CONFLICT (team_id, alert_id) DO NOTHING
            """,
            [("@team", acknowledgement.TeamId), ("@alert", acknowledgement.AlertId), ("@at", StoreValueFormat.Instant(acknowledgement.AcknowledgedAt)),
             ("@key", acknowledgement.KeyId), ("@note", acknowledgement.Note)], cancellationToken).ConfigureAwait(false);
        var stored = await GetAcknowledgementsAsync(acknowledgement.TeamId, [acknowledgement.AlertId], cancellationToken).ConfigureAwait(false);
        return stored.Count == 1 ? stored[0] : throw new InvalidOperationException($"no team '{acknowledgement.TeamId}' to acknowledge for");
    }

    public async Task<bool> RemoveAcknowledgementAsync(string teamId, string alertId, CancellationToken cancellationToken = default) =>
        await _sql.ExecuteAsync("DELETE FROM alert_acknowledgements WHERE team_id = @team AND alert_id = @alert",
            [("@team", teamId), ("@alert", alertId)], cancellationToken).ConfigureAwait(false) == 1;

    public Task<IReadOnlyList<AlertAcknowledgement>> GetAcknowledgementsAsync(string teamId, IReadOnlyCollection<string> alertIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alertIds);
        // One JSON array parameter instead of one parameter per id: a page holds up to the API's page limit of ids.
        return _sql.QueryAsync("""
            SELECT team_id, alert_id, acknowledged_at, key_id, note FROM alert_acknowledgements
            WHERE team_id = @team AND alert_id IN (SELECT value FROM json_each(@ids)) ORDER BY alert_id
            """,
            [("@team", teamId), ("@ids", System.Text.Json.JsonSerializer.Serialize(alertIds))],
            r => new AlertAcknowledgement(r.GetString(0), r.GetString(1), StoreValueFormat.ParseInstant(r.GetString(2)), r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4)),
            cancellationToken);
    }

    public ValueTask DisposeAsync() => _schema.DisposeAsync();

    private const string SelectSubscriptions =
        "SELECT subscription_id, team_id, name, filter, webhook_url, webhook_secret, created_at FROM subscriptions";

    private const string DeliveryColumns =
        "d.delivery_id, d.team_id, d.subscription_id, f.event_id, d.status, d.attempts, d.next_attempt_at, d.last_status_code, d.last_error, d.delivered_at";

    private static Subscription ReadSubscription(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), SubscriptionFilterJson.Read(r.GetString(3)),
        r.IsDBNull(4) ? null : new Uri(r.GetString(4)), r.IsDBNull(5) ? null : (byte[])r.GetValue(5),
        StoreValueFormat.ParseInstant(r.GetString(6)));

    private static WebhookDelivery ReadDelivery(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), DeliveryStatusNames.Parse(r.GetString(4)), r.GetInt32(5),
        StoreValueFormat.ParseInstant(r.GetString(6)), r.IsDBNull(7) ? null : r.GetInt32(7), r.IsDBNull(8) ? null : r.GetString(8),
        r.IsDBNull(9) ? null : StoreValueFormat.ParseInstant(r.GetString(9)));

}
