using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;
using StreamRisk.Core.Storage;

namespace StreamRisk.Infrastructure.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Writes go through one connection, one transaction per
/// <see cref="UpsertAsync"/>, with statements prepared once; reads open their own pooled connections, which WAL lets
/// run beside a write. By default each commit is synced to disk (<c>synchronous=FULL</c>): a committed batch survives
/// power loss, which matters because the stage commits its bus offsets right after and would not see those messages
/// again. Without it (<c>NORMAL</c>) a process crash still loses nothing, only an OS crash or power cut can.
/// </summary>
public sealed class SqliteRiskStore : IRiskStore
{
    private readonly string _path;
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly string _synchronous;
    private readonly bool _mustExist;
    private volatile bool _checked;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private SqliteConnection? _writer;
    private SqliteUpserts? _upserts;
    private bool _disposed;

    /// <param name="path">The database file; created with its folder if missing (unless <paramref name="mustExist"/>).</param>
    /// <param name="time">Stamps <c>schema_version.applied_at</c>.</param>
    /// <param name="syncEachCommit">Sync every commit to disk (durable against power loss; a few ms per batch).</param>
    /// <param name="mustExist">For commands that only read: a missing store is an error instead of a new, empty one.</param>
    /// <remarks>The file is checked (<see cref="SqliteStoreFile.Check"/>) when the store is first used, so a file that is
    /// not a StreamRisk store, or is from a newer build, is refused before anything is written to it.</remarks>
    public SqliteRiskStore(string path, TimeProvider? time = null, bool syncEachCommit = true, bool mustExist = false)
    {
        _synchronous = syncEachCommit ? "FULL" : "NORMAL";
        _mustExist = mustExist;
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
        _time = time ?? TimeProvider.System;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = mustExist ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }

    public string DatabasePath => _path;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var writer = OpenWriter();
            try
            {
                SqliteSchemaMigrator.Apply(writer, SqliteMigrations.All, _time.GetUtcNow());
            }
            catch (SqliteException e) when (SqliteStoreFile.Explain(_path, e) is { } explained)
            {
                throw explained;
            }
            // Statements prepared before a migration would point at the old schema.
            _upserts?.Dispose();
            _upserts = null;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task UpsertAsync(StoreBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        if (batch.IsEmpty)
        {
            return;
        }
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var writer = OpenWriter();
            _upserts ??= new SqliteUpserts(writer);
            using var transaction = writer.BeginTransaction(deferred: false);
            _upserts.Write(batch, transaction, cancellationToken);
            transaction.Commit();
        }
        catch (SqliteException e) when (SqliteStoreFile.Explain(_path, e) is { } explained)
        {
            // The transaction rolled back: the batch is either wholly stored or not at all, so the same command can run
            // again once the cause (typically a full disk) is gone.
            throw explained;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<bool> IsKnownDocumentAsync(string docId, string contentHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM documents WHERE doc_id = @doc_id) OR EXISTS (SELECT 1 FROM documents WHERE content_hash = @hash)";
        command.Parameters.AddWithValue("@doc_id", docId);
        command.Parameters.AddWithValue("@hash", contentHash);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false)) != 0;
    }

    public async IAsyncEnumerable<RawInput> ReadRawInputsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, topic, key, value FROM raw_inputs ORDER BY seq";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new RawInput(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3));
        }
    }

    public async Task<IReadOnlyList<RawInput>> AppendRawInputsAsync(IReadOnlyList<RawInput> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
        {
            return [];
        }
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var writer = OpenWriter();
            _upserts ??= new SqliteUpserts(writer);
            using var transaction = writer.BeginTransaction(deferred: false);
            var appended = _upserts.AppendRawInputs(inputs, transaction, cancellationToken);
            transaction.Commit();
            return appended;
        }
        catch (SqliteException e) when (SqliteStoreFile.Explain(_path, e) is { } explained)
        {
            // Rolled back whole, as a batch is: the same command journals these inputs again once space is freed.
            throw explained;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async IAsyncEnumerable<RawInput> ReadUnfinishedRawInputsAsync(IReadOnlyCollection<string> topics,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.seq, r.topic, r.key, r.value FROM raw_inputs r LEFT JOIN input_checkpoints c ON c.topic = r.topic
            WHERE r.topic IN (SELECT value FROM json_each(@topics)) AND r.seq > COALESCE(c.seq, 0)
            ORDER BY r.seq
            """;
        command.Parameters.AddWithValue("@topics", StoreValueFormat.StringList(topics.ToArray()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new RawInput(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3));
        }
    }

    public async IAsyncEnumerable<NewsDocument> ReadUnfinishedDocumentsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {SqliteRowReaders.DocumentColumns} FROM documents
            WHERE ingest_seq > COALESCE((SELECT seq FROM input_checkpoints WHERE topic = @topic), 0)
            ORDER BY ingest_seq, doc_id
            """;
        command.Parameters.AddWithValue("@topic", Topics.Docs);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return SqliteRowReaders.Document(reader);
        }
    }

    public Task<IReadOnlyList<DailySentiment>> GetDailySentimentAsync(string issuerId, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {SqliteRowReaders.DailySentimentColumns} FROM daily_sentiment WHERE issuer_id = @issuer_id ORDER BY day",
            issuerId, SqliteRowReaders.DailySentiment, cancellationToken);

    public Task<IReadOnlyList<DailySentiment>> GetDailySentimentAsync(string issuerId, DateOnly from, DateOnly? to,
        CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {SqliteRowReaders.DailySentimentColumns} FROM daily_sentiment WHERE issuer_id = @issuer_id AND day >= @from AND day <= @to ORDER BY day",
            [("@issuer_id", issuerId), ("@from", StoreValueFormat.Day(from)), ("@to", StoreValueFormat.Day(to ?? DateOnly.MaxValue))],
            SqliteRowReaders.DailySentiment, cancellationToken);

    public Task<IReadOnlyList<RiskScore>> GetRiskScoresAsync(string issuerId, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {SqliteRowReaders.RiskScoreColumns} FROM risk_scores WHERE issuer_id = @issuer_id ORDER BY as_of",
            issuerId, SqliteRowReaders.RiskScore, cancellationToken);

    public Task<IReadOnlyList<RiskAlert>> GetAlertsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {SqliteRowReaders.AlertColumns} FROM alerts ORDER BY alert_id", [], SqliteRowReaders.Alert, cancellationToken);

    public Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {SqliteRowReaders.DeadLetterColumns} FROM dead_letters ORDER BY dead_letter_id", [],
            SqliteRowReaders.DeadLetter, cancellationToken);

    public Task<IReadOnlyList<NewsDocument>> GetDocumentsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {SqliteRowReaders.DocumentColumns} FROM documents ORDER BY ingest_seq, doc_id", [],
            SqliteRowReaders.Document, cancellationToken);

    public Task<IReadOnlyList<FirmSentiment>> GetFirmSentimentsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {SqliteRowReaders.FirmSentimentColumns} FROM firm_sentiment ORDER BY ingest_seq, event_id", [],
            SqliteRowReaders.FirmSentiment, cancellationToken);

    public Task<IReadOnlyList<IndustrySentiment>> GetIndustrySentimentsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {SqliteRowReaders.IndustrySentimentColumns} FROM industry_sentiment ORDER BY ingest_seq, event_id", [],
            SqliteRowReaders.IndustrySentiment, cancellationToken);

    public Task<IReadOnlyList<FirmSentiment>> GetAppliedFirmSentimentsAsync(string stage, CancellationToken cancellationToken = default) =>
        AppliedAsync("firm_sentiment", SqliteRowReaders.FirmSentimentColumns, SqliteRowReaders.FirmSentiment, stage, null, cancellationToken);

    public Task<IReadOnlyList<IndustrySentiment>> GetAppliedIndustrySentimentsAsync(string stage, CancellationToken cancellationToken = default) =>
        AppliedAsync("industry_sentiment", SqliteRowReaders.IndustrySentimentColumns, SqliteRowReaders.IndustrySentiment, stage, null, cancellationToken);

    public Task<IReadOnlyList<FirmSentiment>> GetAppliedFirmSentimentsAsync(string stage, string issuerId, DateOnly fromDay,
        CancellationToken cancellationToken = default) =>
        AppliedAsync("firm_sentiment", SqliteRowReaders.FirmSentimentColumns, SqliteRowReaders.FirmSentiment, stage,
            ("issuer_id", issuerId, fromDay), cancellationToken);

    public Task<IReadOnlyList<IndustrySentiment>> GetAppliedIndustrySentimentsAsync(string stage, string industryId, DateOnly fromDay,
        CancellationToken cancellationToken = default) =>
        AppliedAsync("industry_sentiment", SqliteRowReaders.IndustrySentimentColumns, SqliteRowReaders.IndustrySentiment, stage,
            ("industry_id", industryId, fromDay), cancellationToken);

    /// <summary>Rows of a sentiment table that <paramref name="stage"/>'s inbox records as applied, in ingest order;
    /// optionally only those of one issuer or industry published on or after a day.</summary>
    private Task<IReadOnlyList<T>> AppliedAsync<T>(string table, string columns, Func<SqliteDataReader, T> read, string stage,
        (string Column, string Key, DateOnly FromDay)? scope, CancellationToken cancellationToken)
    {
        var where = scope is { } s ? $"{s.Column} = @key AND published_at >= @from AND " : "";
        (string, object)[] parameters = scope is { } p
            ? [("@stage", stage), ("@key", p.Key), ("@from", StoreValueFormat.Instant(StartOf(p.FromDay)))]
            : [("@stage", stage)];
        return QueryAsync($"""
            SELECT {columns} FROM {table}
            WHERE {where}event_id IN (SELECT i.event_id FROM stage_inbox i WHERE i.stage = @stage AND i.applied = 1)
            ORDER BY ingest_seq, event_id
            """, parameters, read, cancellationToken);
    }

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public async Task<IReadOnlySet<string>> GetInboxAsync(string stage, IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken = default)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (eventIds.Count == 0)
        {
            return found;
        }
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // json_each takes the whole list as one parameter, however long it is.
        command.CommandText = "SELECT i.event_id FROM stage_inbox i WHERE i.stage = @stage AND i.event_id IN (SELECT value FROM json_each(@ids))";
        command.Parameters.AddWithValue("@stage", stage);
        command.Parameters.AddWithValue("@ids", StoreValueFormat.StringList(eventIds.ToArray()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(reader.GetString(0));
        }
        return found;
    }

    public Task<IReadOnlyList<OutboxMessage>> GetOutboxAsync(string stage, CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT stage, topic, event_id, key, value, headers FROM stage_outbox WHERE stage = @stage ORDER BY rowid",
            [("@stage", stage)],
            r => new OutboxMessage(r.GetString(0), r.GetString(1), r.GetString(3), r.GetString(2), r.GetFieldValue<byte[]>(4),
                StoreValueFormat.ParseStringMap(r.GetString(5))),
            cancellationToken);

    public async Task<IReadOnlyList<IngestedDocumentTime>> GetLatestDocumentTimesAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var latestFirst = await QueryAsync(
            "SELECT ingest_seq, published_at, watermark FROM documents ORDER BY ingest_seq DESC, doc_id DESC LIMIT @count",
            [("@count", count)],
            r => new IngestedDocumentTime(r.GetInt64(0), StoreValueFormat.ParseInstant(r.GetString(1)),
                r.IsDBNull(2) ? null : StoreValueFormat.ParseDay(r.GetString(2))),
            cancellationToken).ConfigureAwait(false);
        return latestFirst.Reverse().ToArray();
    }

    public Task<IReadOnlyList<Fundamentals>> GetFundamentalsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT issuer_id, period_end, published_at, indicators FROM fundamentals ORDER BY issuer_id, period_end", [],
            SqliteRowReaders.Fundamentals, cancellationToken);

    public Task<IReadOnlyList<SpreadObservation>> GetSpreadsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT issuer_id, day, spread_bps FROM spreads ORDER BY issuer_id, day", [], SqliteRowReaders.Spread, cancellationToken);

    public async Task<StoreCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM raw_inputs), (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM firm_sentiment),
                   (SELECT COUNT(*) FROM industry_sentiment), (SELECT COUNT(*) FROM daily_sentiment), (SELECT COUNT(*) FROM fundamentals),
                   (SELECT COUNT(*) FROM spreads), (SELECT COUNT(*) FROM risk_scores), (SELECT COUNT(*) FROM alerts WHERE status = 'active'),
                   (SELECT COUNT(*) FROM dead_letters)
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StoreCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
            reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9));
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            _upserts?.Dispose();
            if (_writer is not null)
            {
                // Pooled readers would otherwise keep the file open after the store is gone.
                SqliteConnection.ClearPool(_writer);
                await _writer.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Checks the file once, before its first use by this store.</summary>
    private void EnsureChecked()
    {
        if (!_checked)
        {
            SqliteStoreFile.Check(_path, _mustExist);
            _checked = true;
        }
    }

    private SqliteConnection OpenWriter()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_writer is not null)
        {
            return _writer;
        }
        EnsureChecked();
        var connection = new SqliteConnection(_connectionString);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            connection.Open();
            using var pragmas = connection.CreateCommand();
            // journal_mode writes the file header, so an unwritable file fails here, with the path in the message.
            pragmas.CommandText = $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {_synchronous};";
            pragmas.ExecuteNonQuery();
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            connection.Dispose();
            throw SqliteStoreFile.Explain(_path, e)
                ?? new StoreFileException(_path, $"cannot open the store '{_path}' for writing ({e.Message}); check --db", e);
        }
        return _writer = connection;
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        EnsureChecked();
        if (!File.Exists(_path))
        {
            throw new IOException($"The SQLite store at '{_path}' does not exist yet: call MigrateAsync first.");
        }
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private Task<IReadOnlyList<T>> QueryAsync<T>(string sql, string issuerId, Func<SqliteDataReader, T> read, CancellationToken cancellationToken) =>
        QueryAsync(sql, [("@issuer_id", issuerId)], read, cancellationToken);

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, (string Name, object Value)[] parameters, Func<SqliteDataReader, T> read,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }
        return rows;
    }
}
