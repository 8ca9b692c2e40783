using Microsoft.Data.Sqlite;
using StreamRisk.Core.Events;
using StreamRisk.Core.Storage.Queries;
using static StreamRisk.Infrastructure.Storage.StoreValueFormat;

namespace StreamRisk.Infrastructure.Storage;

/// <summary>
/// <see cref="IRiskQueries"/> over the embedded store, on read-only connections: it never migrates, never takes the
/// writer lock and cannot write, so it serves a file that <c>streamrisk run</c> is writing (WAL readers see each
/// committed batch whole). Keyset comparisons work on the stored text: days are <c>yyyy-MM-dd</c> and instants
/// fixed-width UTC ISO-8601, so text order is time order.
/// </summary>
public sealed class SqliteRiskQueries : IRiskQueries
{
    private readonly string _path;
    private readonly string _connectionString;

    public SqliteRiskQueries(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = _path, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();
    }

    public async Task CheckReachableAsync(CancellationToken cancellationToken = default)
    {
        SqliteStoreFile.Check(_path, mustExist: true);
        await QueryAsync("SELECT 1 FROM daily_sentiment LIMIT 1", new QueryConditions(), r => r.GetInt32(0), cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<DailySentiment>> GetDailyIndexAsync(DayRangeQuery query, CancellationToken cancellationToken = default)
    {
        var conditions = DayRange(query, "day");
        return await PageAsync($"SELECT {SqliteRowReaders.DailySentimentColumns} FROM daily_sentiment {conditions.Where} ORDER BY day",
            conditions, query.Limit, SqliteRowReaders.DailySentiment, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<RiskScore>> GetRiskScoresAsync(DayRangeQuery query, CancellationToken cancellationToken = default)
    {
        var conditions = DayRange(query, "as_of");
        return await PageAsync($"SELECT {SqliteRowReaders.RiskScoreColumns} FROM risk_scores {conditions.Where} ORDER BY as_of",
            conditions, query.Limit, SqliteRowReaders.RiskScore, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<RiskAlert>> GetAlertsAsync(AlertQuery query, CancellationToken cancellationToken = default)
    {
        var conditions = new QueryConditions()
            .When(query.AlertId, "alert_id = @alert", "@alert")
            .When(query.IssuerId, "issuer_id = @issuer", "@issuer")
            .When(query.Rule, "rule = @rule", "@rule")
            .When("severity IN (SELECT value FROM json_each(@severities))", query.Severities is { } s ? [("@severities", StringList(s))] : null)
            .When(query.Status, "status = @status", "@status")
            .When(query.From, "as_of >= @from", "@from", d => Day(d))
            .When(query.To, "as_of <= @to", "@to", d => Day(d))
            .When("(as_of < @after_day OR (as_of = @after_day AND alert_id < @after_id))",
                query.After is { } a ? [("@after_day", Day(a.AsOf)), ("@after_id", a.AlertId)] : null);
        return await PageAsync($"SELECT {SqliteRowReaders.AlertColumns} FROM alerts {conditions.Where} ORDER BY as_of DESC, alert_id DESC",
            conditions, query.Limit, SqliteRowReaders.Alert, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<NewsDocument>> GetDocumentsAsync(DocumentQuery query, CancellationToken cancellationToken = default)
    {
        // IN (subquery) rather than EXISTS: the issuer and industry indexes find the few doc ids; no index on doc_id is needed.
        var conditions = new QueryConditions()
            .When(query.IssuerId, "doc_id IN (SELECT f.doc_id FROM firm_sentiment f WHERE f.issuer_id = @issuer)", "@issuer")
            .When(query.IndustryId, "doc_id IN (SELECT s.doc_id FROM industry_sentiment s WHERE s.industry_id = @industry)", "@industry")
            .When(query.TopicId, "doc_id IN (SELECT s.doc_id FROM industry_sentiment s, json_each(s.topics) t "
                + "WHERE json_extract(t.value, '$.topic_id') = @topic)", "@topic")
            .When(query.PublishedFrom, "published_at >= @from", "@from", t => Instant(t))
            .When(query.PublishedBefore, "published_at < @before", "@before", t => Instant(t))
            .When("(published_at < @after_at OR (published_at = @after_at AND doc_id < @after_id))",
                query.After is { } a ? [("@after_at", Instant(a.PublishedAt)), ("@after_id", a.DocId)] : null);
        return await PageAsync($"SELECT {SqliteRowReaders.DocumentColumns} FROM documents {conditions.Where} ORDER BY published_at DESC, doc_id DESC",
            conditions, query.Limit, SqliteRowReaders.Document, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DocumentScores?> GetDocumentAsync(string docId, CancellationToken cancellationToken = default)
    {
        var byId = new QueryConditions().When(docId, "doc_id = @doc_id", "@doc_id");
        var documents = await QueryAsync($"SELECT {SqliteRowReaders.DocumentColumns} FROM documents {byId.Where}", byId,
            SqliteRowReaders.Document, cancellationToken).ConfigureAwait(false);
        if (documents.Count == 0)
        {
            return null;
        }
        var firm = await QueryAsync($"SELECT {SqliteRowReaders.FirmSentimentColumns} FROM firm_sentiment {byId.Where} ORDER BY issuer_id, event_id",
            byId, SqliteRowReaders.FirmSentiment, cancellationToken).ConfigureAwait(false);
        var industry = await QueryAsync($"SELECT {SqliteRowReaders.IndustrySentimentColumns} FROM industry_sentiment {byId.Where} ORDER BY industry_id, event_id",
            byId, SqliteRowReaders.IndustrySentiment, cancellationToken).ConfigureAwait(false);
        return new DocumentScores(documents[0], firm, industry);
    }

    public async Task<Page<IndustryDaySentiment>> GetIndustryDaysAsync(IndustryDayQuery query, CancellationToken cancellationToken = default)
    {
        // The day is the first ten characters of the stored UTC instant; the condition on published_at lets the
        // (industry_id, published_at) index narrow the scan before grouping.
        var conditions = new QueryConditions()
            .When(query.IndustryId, "industry_id = @industry", "@industry")
            .When(query.TopicId, "EXISTS (SELECT 1 FROM json_each(topics) t WHERE json_extract(t.value, '$.topic_id') = @topic)", "@topic")
            .When(query.From, "published_at >= @from", "@from", d => Day(d))
            .When(query.To, "published_at < @before", "@before", d => Day(d.AddDays(1)))
            .When("(substr(published_at, 1, 10) > @after_day OR (substr(published_at, 1, 10) = @after_day AND industry_id > @after_id))",
                query.After is { } a ? [("@after_day", Day(a.Day)), ("@after_id", a.IndustryId)] : null);
        return await PageAsync(
            "SELECT industry_id, substr(published_at, 1, 10) AS day, SUM(weight * score) / SUM(ABS(weight)), SUM(ABS(weight)), COUNT(*) "
            + $"FROM industry_sentiment {conditions.Where} GROUP BY day, industry_id HAVING SUM(ABS(weight)) > 0 ORDER BY day, industry_id",
            conditions, query.Limit,
            r => new IndustryDaySentiment(r.GetString(0), ParseDay(r.GetString(1)), r.GetDouble(2), r.GetDouble(3), r.GetInt32(4)),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<DeadLetter>> GetDeadLettersAsync(DeadLetterQuery query, CancellationToken cancellationToken = default)
    {
        var conditions = new QueryConditions()
            .When(query.Stage, "stage = @stage", "@stage")
            .When(query.ReasonCode, "reason_code = @reason", "@reason")
            .When(query.AfterId, "dead_letter_id > @after", "@after");
        return await PageAsync($"SELECT {SqliteRowReaders.DeadLetterColumns} FROM dead_letters {conditions.Where} ORDER BY dead_letter_id",
            conditions, query.Limit, SqliteRowReaders.DeadLetter, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        using var connection = new SqliteConnection(_connectionString);
        // Pooled read-only connections would otherwise keep the file open after the API is gone.
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    private static QueryConditions DayRange(DayRangeQuery query, string column) => new QueryConditions()
        .When(query.IssuerId, "issuer_id = @issuer", "@issuer")
        .When(query.From, $"{column} >= @from", "@from", d => Day(d))
        .When(query.To, $"{column} <= @to", "@to", d => Day(d))
        .When(query.AfterDay, $"{column} > @after", "@after", d => Day(d));

    /// <summary>One page: the rows of <paramref name="sql"/> up to one past <paramref name="limit"/>, which says whether more follow.</summary>
    private async Task<Page<T>> PageAsync<T>(string sql, QueryConditions conditions, int limit, Func<SqliteDataReader, T> read,
        CancellationToken cancellationToken) =>
        Page<T>.FromRowsPlusOne(await QueryAsync(sql + " LIMIT @limit", conditions.Bind("@limit", limit + 1), read, cancellationToken)
            .ConfigureAwait(false), limit);

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, QueryConditions conditions, Func<SqliteDataReader, T> read,
        CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            throw SqliteStoreFile.Explain(_path, e)
                ?? new StoreFileException(_path, $"cannot open the store '{_path}' for reading ({e.Message}); check --db", e);
        }
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in conditions.Parameters)
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
