using System.Runtime.CompilerServices;
using Npgsql;
using Polly;
using Polly.Retry;
using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;
using StreamRisk.Core.Storage;
using StreamRisk.Infrastructure.Storage;

namespace StreamRisk.Infrastructure.Postgres;

/// <summary>
/// <see cref="IRiskStore"/> on PostgreSQL (Npgsql). A batch is one transaction of set-based upserts sent in one round
/// trip; transient failures (<see cref="NpgsqlException.IsTransient"/>: broken connection, deadlock, serialization
/// failure, server starting) are retried with exponential backoff, which is safe because every write is idempotent.
/// </summary>
public sealed class PostgresRiskStore : IRiskStore
{
    private readonly NpgsqlDataSource dataSource;
    private readonly ResiliencePipeline retry;
    private readonly IReadOnlyList<PostgresMigration> migrations;

    /// <param name="connectionString">An Npgsql connection string; <c>Search Path</c> picks the schema the tables live in.</param>
    /// <param name="timeProvider">Clock for the retry backoff; the system clock when null.</param>
    public PostgresRiskStore(string connectionString, TimeProvider? timeProvider = null)
        : this(connectionString, PostgresMigration.Embedded(), timeProvider)
    {
    }

    internal PostgresRiskStore(string connectionString, IReadOnlyList<PostgresMigration> migrations, TimeProvider? timeProvider)
    {
        dataSource = NpgsqlDataSource.Create(connectionString);
        this.migrations = migrations;
        retry = new ResiliencePipelineBuilder { TimeProvider = timeProvider ?? TimeProvider.System }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(e => e.IsTransient),
                MaxRetryAttempts = 4,
                Delay = TimeSpan.FromMilliseconds(100),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();
    }

    public Task MigrateAsync(CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(
            async ct => await PostgresMigrator.ApplyAsync(dataSource, migrations, ct).ConfigureAwait(false),
            cancellationToken).AsTask();

    public Task UpsertAsync(StoreBatch batch, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (batch.IsEmpty)
        {
            return Task.CompletedTask;
        }
        return retry.ExecuteAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using var commands = new NpgsqlBatch(connection, transaction);
            PostgresUpserts.AddTo(commands, batch);
            await commands.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }, cancellationToken).AsTask();
    }

    public async Task<bool> IsKnownDocumentAsync(string docId, string contentHash, CancellationToken cancellationToken = default)
    {
        var known = await QueryAsync(
            "SELECT EXISTS (SELECT 1 FROM documents WHERE doc_id = $1) OR EXISTS (SELECT 1 FROM documents WHERE content_hash = $2)",
            [docId, contentHash],
            reader => reader.GetBoolean(0),
            cancellationToken).ConfigureAwait(false);
        return known[0];
    }

    public async IAsyncEnumerable<RawInput> ReadRawInputsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Streamed, not retried: a replay that loses its connection fails rather than repeating what it already gave.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT seq, topic, key, value FROM raw_inputs ORDER BY seq", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new RawInput(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3));
        }
    }

    public Task<IReadOnlyList<RawInput>> AppendRawInputsAsync(IReadOnlyList<RawInput> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<RawInput>>([]);
        }
        return retry.ExecuteAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            // Numbering reads the highest seq: one journal writer at a time, readers unaffected.
            await using (var lockTable = new NpgsqlCommand("LOCK TABLE raw_inputs IN SHARE ROW EXCLUSIVE MODE", connection, transaction))
            {
                await lockTable.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            var hashes = inputs.Select(i => i.ContentHash).ToArray();
            var seqs = inputs.Where(i => i.Seq > 0).Select(i => i.Seq).ToArray();
            var taken = new HashSet<string>(StringComparer.Ordinal);
            var takenSeqs = new HashSet<long>();
            long next;
            await using (var probe = new NpgsqlCommand("""
                SELECT content_hash, seq FROM raw_inputs WHERE content_hash = ANY($1) OR seq = ANY($2)
                UNION ALL SELECT NULL, COALESCE(MAX(seq), 0) FROM raw_inputs
                """, connection, transaction))
            {
                probe.Parameters.Add(new NpgsqlParameter { Value = hashes });
                probe.Parameters.Add(new NpgsqlParameter { Value = seqs });
                await using var reader = await probe.ExecuteReaderAsync(ct).ConfigureAwait(false);
                next = 1;
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    if (reader.IsDBNull(0))
                    {
                        next = reader.GetInt64(1) + 1;
                        continue;
                    }
                    taken.Add(reader.GetString(0));
                    takenSeqs.Add(reader.GetInt64(1));
                }
            }
            var appended = new List<RawInput>(inputs.Count);
            foreach (var input in inputs)
            {
                var numbered = input.Seq > 0 ? input : input with { Seq = next };
                if (!taken.Add(numbered.ContentHash) || !takenSeqs.Add(numbered.Seq))
                {
                    continue;
                }
                appended.Add(numbered);
                next = Math.Max(next, numbered.Seq + 1);
            }
            if (appended.Count > 0)
            {
                await using var insert = new NpgsqlBatch(connection, transaction);
                insert.BatchCommands.Add(PostgresUpserts.Command(PostgresUpserts.RawInputInsert,
                    PostgresUpserts.Column(appended, r => r.Seq), PostgresUpserts.Column(appended, r => r.Topic),
                    PostgresUpserts.Column(appended, r => r.Key), PostgresUpserts.Column(appended, r => r.Value),
                    PostgresUpserts.Column(appended, r => r.ContentHash)));
                await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return (IReadOnlyList<RawInput>)appended;
        }, cancellationToken).AsTask();
    }

    public async IAsyncEnumerable<RawInput> ReadUnfinishedRawInputsAsync(IReadOnlyCollection<string> topics,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            SELECT r.seq, r.topic, r.key, r.value FROM raw_inputs r LEFT JOIN input_checkpoints c ON c.topic = r.topic
            WHERE r.topic = ANY($1) AND r.seq > COALESCE(c.seq, 0)
            ORDER BY r.seq
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = topics.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new RawInput(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3));
        }
    }

    public Task<IReadOnlyList<DailySentiment>> GetDailySentimentAsync(string issuerId, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"""
            SELECT {PostgresRowReaders.DailySentimentColumns}
            FROM daily_sentiments WHERE issuer_id = $1 ORDER BY day
            """,
            [issuerId], PostgresRowReaders.DailySentiment, cancellationToken);

    public Task<IReadOnlyList<DailySentiment>> GetDailySentimentAsync(string issuerId, DateOnly from, DateOnly? to,
        CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"""
            SELECT {PostgresRowReaders.DailySentimentColumns}
            FROM daily_sentiments WHERE issuer_id = $1 AND day >= $2 AND day <= $3 ORDER BY day
            """,
            [issuerId, from, to ?? DateOnly.MaxValue], PostgresRowReaders.DailySentiment, cancellationToken);

    public Task<IReadOnlyList<RiskScore>> GetRiskScoresAsync(string issuerId, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"""
            SELECT {PostgresRowReaders.RiskScoreColumns}
            FROM risk_scores WHERE issuer_id = $1 ORDER BY as_of
            """,
            [issuerId], PostgresRowReaders.RiskScore, cancellationToken);

    public Task<IReadOnlyList<RiskAlert>> GetAlertsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"""
            SELECT {PostgresRowReaders.AlertColumns}
            FROM alerts ORDER BY alert_id COLLATE "C"
            """,
            [], PostgresRowReaders.Alert, cancellationToken);

    public Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"""
            SELECT {PostgresRowReaders.DeadLetterColumns}
            FROM dead_letters ORDER BY dead_letter_id COLLATE "C"
            """,
            [], PostgresRowReaders.DeadLetter, cancellationToken);

    private const string DocumentColumns = PostgresRowReaders.DocumentColumns;

    private static NewsDocument Document(NpgsqlDataReader r) => PostgresRowReaders.Document(r);

    public Task<IReadOnlyList<NewsDocument>> GetDocumentsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {DocumentColumns} FROM documents ORDER BY ingest_seq, doc_id COLLATE \"C\"", [], Document, cancellationToken);

    public async IAsyncEnumerable<NewsDocument> ReadUnfinishedDocumentsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Streamed, not retried, like ReadRawInputsAsync.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"""
            SELECT {DocumentColumns} FROM documents
            WHERE ingest_seq > COALESCE((SELECT seq FROM input_checkpoints WHERE topic = $1), 0)
            ORDER BY ingest_seq, doc_id COLLATE "C"
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Topics.Docs });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return Document(reader);
        }
    }

    public Task<IReadOnlyList<FirmSentiment>> GetFirmSentimentsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"""
            SELECT {PostgresRowReaders.FirmSentimentColumns}
            FROM firm_sentiments ORDER BY ingest_seq, event_id COLLATE "C"
            """,
            [], ReadFirmSentiment, cancellationToken);

    public Task<IReadOnlyList<IndustrySentiment>> GetIndustrySentimentsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"""
            SELECT {PostgresRowReaders.IndustrySentimentColumns}
            FROM industry_sentiments ORDER BY ingest_seq, event_id COLLATE "C"
            """,
            [], ReadIndustrySentiment, cancellationToken);

    private const string FirmColumns =
        "t.event_id, t.doc_id, t.issuer_id, t.published_at, t.p_neg, t.p_neu, t.p_pos, t.score, t.mention_count, t.model, t.ingest_seq, t.watermark";

    private const string IndustryColumns =
        "t.event_id, t.doc_id, t.industry_id, t.published_at, t.score, t.weight, t.topics::text, t.model, t.ingest_seq, t.watermark, "
        + "t.prompt_version, t.fallback, t.paths::text";

    public Task<IReadOnlyList<FirmSentiment>> GetAppliedFirmSentimentsAsync(string stage, CancellationToken cancellationToken = default) =>
        AppliedAsync("firm_sentiments", FirmColumns, ReadFirmSentiment, stage, null, cancellationToken);

    public Task<IReadOnlyList<IndustrySentiment>> GetAppliedIndustrySentimentsAsync(string stage, CancellationToken cancellationToken = default) =>
        AppliedAsync("industry_sentiments", IndustryColumns, ReadIndustrySentiment, stage, null, cancellationToken);

    public Task<IReadOnlyList<FirmSentiment>> GetAppliedFirmSentimentsAsync(string stage, string issuerId, DateOnly fromDay,
        CancellationToken cancellationToken = default) =>
        AppliedAsync("firm_sentiments", FirmColumns, ReadFirmSentiment, stage, ("issuer_id", issuerId, fromDay), cancellationToken);

    public Task<IReadOnlyList<IndustrySentiment>> GetAppliedIndustrySentimentsAsync(string stage, string industryId, DateOnly fromDay,
        CancellationToken cancellationToken = default) =>
        AppliedAsync("industry_sentiments", IndustryColumns, ReadIndustrySentiment, stage, ("industry_id", industryId, fromDay), cancellationToken);

    /// <summary>Rows of a sentiment table that <paramref name="stage"/>'s inbox records as applied, in ingest order;
    /// optionally only those of one issuer or industry published on or after a day.</summary>
    private Task<IReadOnlyList<T>> AppliedAsync<T>(string table, string columns, Func<NpgsqlDataReader, T> read, string stage,
        (string Column, string Key, DateOnly FromDay)? scope, CancellationToken cancellationToken) =>
        QueryAsync(
            $"""
            SELECT {columns}
            FROM {table} t JOIN stage_inbox i ON i.stage = $1 AND i.event_id = t.event_id AND i.applied
            {(scope is { } s ? $"WHERE t.{s.Column} = $2 AND t.published_at >= $3" : "")}
            ORDER BY t.ingest_seq, t.event_id COLLATE "C"
            """,
            scope is { } p ? [stage, p.Key, StartOf(p.FromDay)] : [stage], read, cancellationToken);

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public async Task<IReadOnlySet<string>> GetInboxAsync(string stage, IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken = default)
    {
        if (eventIds.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }
        var found = await QueryAsync("SELECT event_id FROM stage_inbox WHERE stage = $1 AND event_id = ANY($2)",
            [stage, eventIds.ToArray()], r => r.GetString(0), cancellationToken).ConfigureAwait(false);
        return found.ToHashSet(StringComparer.Ordinal);
    }

    public Task<IReadOnlyList<OutboxMessage>> GetOutboxAsync(string stage, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT stage, topic, event_id, key, value, headers::text FROM stage_outbox WHERE stage = $1 ORDER BY position",
            [stage],
            r => new OutboxMessage(r.GetString(0), r.GetString(1), r.GetString(3), r.GetString(2), r.GetFieldValue<byte[]>(4),
                StoreValueFormat.ParseStringMap(r.GetString(5))),
            cancellationToken);

    public async Task<IReadOnlyList<IngestedDocumentTime>> GetLatestDocumentTimesAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var latestFirst = await QueryAsync(
            "SELECT ingest_seq, published_at, watermark FROM documents ORDER BY ingest_seq DESC, doc_id COLLATE \"C\" DESC LIMIT $1",
            [count],
            r => new IngestedDocumentTime(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), NullableDay(r, 2)),
            cancellationToken).ConfigureAwait(false);
        return latestFirst.Reverse().ToArray();
    }

    public Task<IReadOnlyList<Fundamentals>> GetFundamentalsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT issuer_id, period_end, published_at, indicators::text FROM fundamentals ORDER BY issuer_id COLLATE \"C\", period_end",
            [],
            r => new Fundamentals(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetFieldValue<DateTimeOffset>(2),
                StoreValueFormat.ParseNumberMap(r.GetString(3))),
            cancellationToken);

    public Task<IReadOnlyList<SpreadObservation>> GetSpreadsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT issuer_id, day, spread_bps FROM spreads ORDER BY issuer_id COLLATE \"C\", day",
            [],
            r => new SpreadObservation(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetDouble(2)),
            cancellationToken);

    public async Task<StoreCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        var counts = await QueryAsync(
            """
            SELECT (SELECT count(*) FROM raw_inputs), (SELECT count(*) FROM documents), (SELECT count(*) FROM firm_sentiments),
                   (SELECT count(*) FROM industry_sentiments), (SELECT count(*) FROM daily_sentiments),
                   (SELECT count(*) FROM fundamentals), (SELECT count(*) FROM spreads), (SELECT count(*) FROM risk_scores),
                   (SELECT count(*) FROM alerts WHERE status = 'active'), (SELECT count(*) FROM dead_letters)
            """,
            [],
            r => new StoreCounts(
                r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4),
                r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9)),
            cancellationToken).ConfigureAwait(false);
        return counts[0];
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, object[] parameters, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken) =>
        retry.ExecuteAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(sql, connection);
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = parameter });
            }
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            var rows = new List<T>();
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                rows.Add(read(reader));
            }
            return (IReadOnlyList<T>)rows;
        }, cancellationToken).AsTask();

    private static FirmSentiment ReadFirmSentiment(NpgsqlDataReader r) => PostgresRowReaders.FirmSentiment(r);

    private static IndustrySentiment ReadIndustrySentiment(NpgsqlDataReader r) => PostgresRowReaders.IndustrySentiment(r);

    private static DateOnly? NullableDay(NpgsqlDataReader reader, int ordinal) => PostgresRowReaders.NullableDay(reader, ordinal);
}
