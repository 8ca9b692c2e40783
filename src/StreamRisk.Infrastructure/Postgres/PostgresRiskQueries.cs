using Npgsql;
using StreamRisk.Core.Events;
using StreamRisk.Core.Storage.Queries;
using StreamRisk.Infrastructure.Storage;

namespace StreamRisk.Infrastructure.Postgres;

/// <summary>
/// <see cref="IRiskQueries"/> on PostgreSQL: plain SELECTs that never migrate, so the API can run under a role that may
/// only read. Text keys compare and sort with <c>COLLATE "C"</c> (byte order), as the store's own reads do, so paging
/// agrees with the SQLite store whatever the database's locale.
/// </summary>
public sealed class PostgresRiskQueries : IRiskQueries
{
    private readonly NpgsqlDataSource _dataSource;

    /// <param name="connectionString">An Npgsql connection string; <c>Search Path</c> picks the schema the tables live in.</param>
    public PostgresRiskQueries(string connectionString)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public async Task CheckReachableAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync("SELECT 1 FROM daily_sentiments LIMIT 1", new QueryConditions(), r => r.GetInt32(0), cancellationToken).ConfigureAwait(false);

    public async Task<Page<DailySentiment>> GetDailyIndexAsync(DayRangeQuery query, CancellationToken cancellationToken = default)
    {
        var conditions = DayRange(query, "day");
        return await PageAsync($"SELECT {PostgresRowReaders.DailySentimentColumns} FROM daily_sentiments {conditions.Where} ORDER BY day",
            conditions, query.Limit, PostgresRowReaders.DailySentiment, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<RiskScore>> GetRiskScoresAsync(DayRangeQuery query, CancellationToken cancellationToken = default)
    {
        var conditions = DayRange(query, "as_of");
        return await PageAsync($"SELECT {PostgresRowReaders.RiskScoreColumns} FROM risk_scores {conditions.Where} ORDER BY as_of",
            conditions, query.Limit, PostgresRowReaders.RiskScore, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<RiskAlert>> GetAlertsAsync(AlertQuery query, CancellationToken cancellationToken = default)
    {
        var conditions = new QueryConditions()
            .When(query.AlertId, "alert_id = @alert", "@alert")
            .When(query.IssuerId, "issuer_id = @issuer", "@issuer")
            .When(query.Rule, "rule = @rule", "@rule")
            .When("severity = ANY(@severities)", query.Severities is { } s ? [("@severities", s.ToArray())] : null)
            .When(query.Status, "status = @status", "@status")
            .When(query.From, "as_of >= @from", "@from", d => d)
            .When(query.To, "as_of <= @to", "@to", d => d)
            .When("(as_of < @after_day OR (as_of = @after_day AND alert_id COLLATE \"C\" < @after_id))",
                query.After is { } a ? [("@after_day", a.AsOf), ("@after_id", a.AlertId)] : null);
        return await PageAsync($"SELECT {PostgresRowReaders.AlertColumns} FROM alerts {conditions.Where} ORDER BY as_of DESC, alert_id COLLATE \"C\" DESC",
            conditions, query.Limit, PostgresRowReaders.Alert, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<NewsDocument>> GetDocumentsAsync(DocumentQuery query, CancellationToken cancellationToken = default)
    {
        var conditions = new QueryConditions()
            .When(query.IssuerId, "doc_id IN (SELECT f.doc_id FROM firm_sentiments f WHERE f.issuer_id = @issuer)", "@issuer")
            .When(query.IndustryId, "doc_id IN (SELECT s.doc_id FROM industry_sentiments s WHERE s.industry_id = @industry)", "@industry")
            .When(query.TopicId, "doc_id IN (SELECT s.doc_id FROM industry_sentiments s "
                + "WHERE s.topics @> jsonb_build_array(jsonb_build_object('topic_id', @topic::text)))", "@topic")
            .When(query.PublishedFrom, "published_at >= @from", "@from", t => t)
            .When(query.PublishedBefore, "published_at < @before", "@before", t => t)
            .When("(published_at < @after_at OR (published_at = @after_at AND doc_id COLLATE \"C\" < @after_id))",
                query.After is { } a ? [("@after_at", a.PublishedAt.ToUniversalTime()), ("@after_id", a.DocId)] : null);
        return await PageAsync($"SELECT {PostgresRowReaders.DocumentColumns} FROM documents {conditions.Where} ORDER BY published_at DESC, doc_id COLLATE \"C\" DESC",
            conditions, query.Limit, PostgresRowReaders.Document, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DocumentScores?> GetDocumentAsync(string docId, CancellationToken cancellationToken = default)
    {
        var byId = new QueryConditions().When(docId, "doc_id = @doc_id", "@doc_id");
        var documents = await QueryAsync($"SELECT {PostgresRowReaders.DocumentColumns} FROM documents {byId.Where}", byId,
            PostgresRowReaders.Document, cancellationToken).ConfigureAwait(false);
        if (documents.Count == 0)
        {
            return null;
        }
        var firm = await QueryAsync(
            $"SELECT {PostgresRowReaders.FirmSentimentColumns} FROM firm_sentiments {byId.Where} ORDER BY issuer_id COLLATE \"C\", event_id COLLATE \"C\"",
            byId, PostgresRowReaders.FirmSentiment, cancellationToken).ConfigureAwait(false);
        var industry = await QueryAsync(
            $"SELECT {PostgresRowReaders.IndustrySentimentColumns} FROM industry_sentiments {byId.Where} ORDER BY industry_id COLLATE \"C\", event_id COLLATE \"C\"",
            byId, PostgresRowReaders.IndustrySentiment, cancellationToken).ConfigureAwait(false);
        return new DocumentScores(documents[0], firm, industry);
    }

    public async Task<Page<IndustryDaySentiment>> GetIndustryDaysAsync(IndustryDayQuery query, CancellationToken cancellationToken = default)
    {
        const string day = "(published_at AT TIME ZONE 'UTC')::date";
        var conditions = new QueryConditions()
            .When(query.IndustryId, "industry_id = @industry", "@industry")
            .When(query.TopicId, "topics @> jsonb_build_array(jsonb_build_object('topic_id', @topic::text))", "@topic")
            .When(query.From, "published_at >= @from", "@from", d => UtcMidnight(d))
            .When(query.To, "published_at < @before", "@before", d => UtcMidnight(d.AddDays(1)))
            .When($"({day} > @after_day OR ({day} = @after_day AND industry_id COLLATE \"C\" > @after_id))",
                query.After is { } a ? [("@after_day", a.Day), ("@after_id", a.IndustryId)] : null);
        return await PageAsync(
            $"SELECT industry_id, {day} AS day, SUM(weight * score) / SUM(ABS(weight)), SUM(ABS(weight)), COUNT(*)::integer "
            + $"FROM industry_sentiments {conditions.Where} GROUP BY day, industry_id HAVING SUM(ABS(weight)) > 0 "
            + "ORDER BY day, industry_id COLLATE \"C\"",
            conditions, query.Limit,
            r => new IndustryDaySentiment(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetDouble(2), r.GetDouble(3), r.GetInt32(4)),
            cancellationToken).ConfigureAwait(false);
    }

    private static DateTimeOffset UtcMidnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public async Task<Page<DeadLetter>> GetDeadLettersAsync(DeadLetterQuery query, CancellationToken cancellationToken = default)
    {
        var conditions = new QueryConditions()
            .When(query.Stage, "stage = @stage", "@stage")
            .When(query.ReasonCode, "reason_code = @reason", "@reason")
            .When(query.AfterId, "dead_letter_id COLLATE \"C\" > @after", "@after");
        return await PageAsync($"SELECT {PostgresRowReaders.DeadLetterColumns} FROM dead_letters {conditions.Where} ORDER BY dead_letter_id COLLATE \"C\"",
            conditions, query.Limit, PostgresRowReaders.DeadLetter, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static QueryConditions DayRange(DayRangeQuery query, string column) => new QueryConditions()
        .When(query.IssuerId, "issuer_id = @issuer", "@issuer")
        .When(query.From, $"{column} >= @from", "@from", d => d)
        .When(query.To, $"{column} <= @to", "@to", d => d)
        .When(query.AfterDay, $"{column} > @after", "@after", d => d);

    /// <summary>One page: the rows of <paramref name="sql"/> up to one past <paramref name="limit"/>, which says whether more follow.</summary>
    private async Task<Page<T>> PageAsync<T>(string sql, QueryConditions conditions, int limit, Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken) =>
        Page<T>.FromRowsPlusOne(await QueryAsync(sql + " LIMIT @limit", conditions.Bind("@limit", limit + 1), read, cancellationToken)
            .ConfigureAwait(false), limit);

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, QueryConditions conditions, Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var (name, value) in conditions.Parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value));
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }
        return rows;
    }
}
