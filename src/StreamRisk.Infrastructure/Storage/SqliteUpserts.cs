using Microsoft.Data.Sqlite;
using StreamRisk.Core.Events;
using StreamRisk.Core.Storage;
using static StreamRisk.Infrastructure.Storage.StoreValueFormat;

namespace StreamRisk.Infrastructure.Storage;

/// <summary>
/// Writes a <see cref="StoreBatch"/> inside a caller's transaction with one prepared statement per table, prepared
/// once per connection. Daily sentiment and risk scores keep the highest revision; every other table keeps the last
/// write for a key, which is the same row again when a batch is replayed.
/// </summary>
internal sealed class SqliteUpserts : IDisposable
{
    // Checking the token on every row would cost more than the rows; every few hundred keeps cancellation prompt.
    private const int RowsBetweenCancellationChecks = 256;

    private readonly SqliteCommand _rawInput;
    private readonly PreparedUpsert _documents;
    private readonly PreparedUpsert _firmSentiment;
    private readonly PreparedUpsert _industrySentiment;
    private readonly PreparedUpsert _dailySentiment;
    private readonly PreparedUpsert _fundamentals;
    private readonly PreparedUpsert _spreads;
    private readonly PreparedUpsert _riskScores;
    private readonly PreparedUpsert _alerts;
    private readonly PreparedUpsert _deadLetters;
    private readonly PreparedUpsert _outbox;
    private readonly PreparedUpsert _inbox;
    private readonly SqliteCommand _outboxDelete;
    private readonly SqliteCommand _outboxDrain;
    private readonly SqliteCommand _checkpoint;
    private readonly SqliteCommand _lastSeq;
    private int _rowsSinceCheck;

    public SqliteUpserts(SqliteConnection connection)
    {
        // A stored input is never replaced: neither by another input under the same seq nor by the same content again.
        _rawInput = Prepare(connection, "INSERT INTO raw_inputs (seq, topic, key, value, content_hash) VALUES (@seq, @topic, @key, @value, @hash) ON CONFLICT DO NOTHING",
            "@seq", "@topic", "@key", "@value", "@hash");
        _outboxDrain = Prepare(connection, "DELETE FROM stage_outbox WHERE stage = @stage AND topic = @topic", "@stage", "@topic");
        _checkpoint = Prepare(connection,
            "INSERT INTO input_checkpoints (topic, seq) VALUES (@topic, @seq) ON CONFLICT (topic) DO UPDATE SET seq = max(seq, excluded.seq)",
            "@topic", "@seq");
        _lastSeq = Prepare(connection, "SELECT COALESCE(MAX(seq), 0) FROM raw_inputs");
        _documents = new(connection, "documents",
            ["doc_id", "source", "published_at", "headline", "body", "language", "content_hash", "ingest_seq", "watermark"], ["doc_id"]);
        _firmSentiment = new(connection, "firm_sentiment",
            ["event_id", "doc_id", "issuer_id", "published_at", "p_neg", "p_neu", "p_pos", "score", "mention_count", "model", "ingest_seq", "watermark"],
            ["event_id"]);
        _industrySentiment = new(connection, "industry_sentiment",
            ["event_id", "doc_id", "industry_id", "published_at", "score", "weight", "topics", "model", "ingest_seq", "watermark",
             "prompt_version", "fallback", "paths"], ["event_id"]);
        _dailySentiment = new(connection, "daily_sentiment",
            ["issuer_id", "day", "event_id", "revision", "firm_score", "firm_count", "meso_score", "composite", "smoothed", "top_doc_ids"],
            ["issuer_id", "day"], "revision");
        _fundamentals = new(connection, "fundamentals", ["issuer_id", "period_end", "published_at", "indicators"], ["issuer_id", "period_end"]);
        _spreads = new(connection, "spreads", ["issuer_id", "day", "spread_bps"], ["issuer_id", "day"]);
        _riskScores = new(connection, "risk_scores",
            ["issuer_id", "as_of", "event_id", "revision", "index_value", "last_spread_bps", "spread_change_forecast_bps", "horizon_days",
             "p_performing", "p_extended", "p_defaulted", "risk_class", "model", "evidence_doc_ids"],
            ["issuer_id", "as_of"], "revision");
        _alerts = new(connection, "alerts",
            ["alert_id", "issuer_id", "as_of", "rule", "severity", "message", "value", "threshold", "evidence_doc_ids", "revision", "status"],
            ["alert_id"], "revision");
        _deadLetters = new(connection, "dead_letters",
            ["dead_letter_id", "source_topic", "source_partition", "source_offset", "stage", "reason_code", "reason", "error_type", "original_base64"],
            ["dead_letter_id"]);
        // An entry already waiting keeps its place in the order; the same event emitted again is the same bytes.
        _outbox = new(connection, "stage_outbox", ["stage", "topic", "event_id", "key", "value", "headers"], ["stage", "topic", "event_id"],
            keepExisting: true);
        _inbox = new(connection, "stage_inbox", ["stage", "event_id", "applied"], ["stage", "event_id"]);
        _outboxDelete = connection.CreateCommand();
        _outboxDelete.CommandText = "DELETE FROM stage_outbox WHERE stage = @stage AND topic = @topic AND event_id = @event_id";
        _outboxDelete.Parameters.Add(new SqliteParameter("@stage", ""));
        _outboxDelete.Parameters.Add(new SqliteParameter("@topic", ""));
        _outboxDelete.Parameters.Add(new SqliteParameter("@event_id", ""));
        _outboxDelete.Prepare();
    }

    public void Write(StoreBatch batch, SqliteTransaction tx, CancellationToken cancellationToken)
    {
        _rowsSinceCheck = 0;
        cancellationToken.ThrowIfCancellationRequested();
        // Deletes first: an event published last time and emitted again in this batch must stay waiting.
        foreach (var sent in batch.OutboxSent)
        {
            _outboxDelete.Transaction = tx;
            _outboxDelete.Parameters[0].Value = sent.Stage;
            _outboxDelete.Parameters[1].Value = sent.Topic;
            _outboxDelete.Parameters[2].Value = sent.EventId;
            _outboxDelete.ExecuteNonQuery();
            Tick(cancellationToken);
        }
        foreach (var r in batch.RawInputs)
        {
            InsertRawInput(tx, r);
            Tick(cancellationToken);
        }
        foreach (var drained in batch.OutboxDrained)
        {
            Run(_outboxDrain, tx, drained.Stage, drained.Topic);
        }
        foreach (var checkpoint in batch.InputCheckpoints)
        {
            Run(_checkpoint, tx, checkpoint.Topic, checkpoint.Seq);
        }
        foreach (var d in batch.Documents)
        {
            _documents.Execute(tx, d.DocId, d.Source, Instant(d.PublishedAt), d.Headline, d.Body, d.Language, d.ContentHash, d.IngestSeq, NullableDay(d.Watermark));
            Tick(cancellationToken);
        }
        foreach (var f in batch.FirmSentiments)
        {
            _firmSentiment.Execute(tx, f.EventId, f.DocId, f.IssuerId, Instant(f.PublishedAt), f.PNeg, f.PNeu, f.PPos, f.Score,
                f.MentionCount, f.Model, f.IngestSeq, NullableDay(f.Watermark));
            Tick(cancellationToken);
        }
        foreach (var s in batch.IndustrySentiments)
        {
            _industrySentiment.Execute(tx, s.EventId, s.DocId, s.IndustryId, Instant(s.PublishedAt), s.Score, s.Weight,
                TopicHits(s.Topics), s.Model, s.IngestSeq, NullableDay(s.Watermark), s.PromptVersion, s.Fallback,
                s.Paths is null ? null : TopicPaths(s.Paths));
            Tick(cancellationToken);
        }
        foreach (var d in batch.DailySentiments)
        {
            _dailySentiment.Execute(tx, d.IssuerId, Day(d.Day), d.EventId, d.Revision, d.FirmScore, d.FirmCount, d.MesoScore,
                d.Composite, d.Smoothed, StringList(d.TopDocIds));
            Tick(cancellationToken);
        }
        foreach (var f in batch.Fundamentals)
        {
            _fundamentals.Execute(tx, f.IssuerId, Day(f.PeriodEnd), Instant(f.PublishedAt), NumberMap(f.Indicators));
            Tick(cancellationToken);
        }
        foreach (var s in batch.Spreads)
        {
            _spreads.Execute(tx, s.IssuerId, Day(s.Day), s.SpreadBps);
            Tick(cancellationToken);
        }
        foreach (var r in batch.RiskScores)
        {
            _riskScores.Execute(tx, r.IssuerId, Day(r.AsOf), r.EventId, r.Revision, r.IndexValue, r.LastSpreadBps,
                r.SpreadChangeForecastBps, r.HorizonDays, r.PPerforming, r.PExtended, r.PDefaulted, RiskClassName(r.RiskClass), r.Model,
                StringList(r.EvidenceDocIds));
            Tick(cancellationToken);
        }
        foreach (var a in batch.Alerts)
        {
            _alerts.Execute(tx, a.AlertId, a.IssuerId, Day(a.AsOf), a.Rule, a.Severity, a.Message, a.Value, a.Threshold,
                StringList(a.EvidenceDocIds), a.Revision, a.Status);
            Tick(cancellationToken);
        }
        foreach (var d in batch.DeadLetters)
        {
            _deadLetters.Execute(tx, d.DeadLetterId, d.SourceTopic, d.Partition, d.Offset, d.Stage, d.ReasonCode, d.Reason,
                d.ErrorType, d.OriginalBase64);
            Tick(cancellationToken);
        }
        foreach (var i in batch.Inbox)
        {
            _inbox.Execute(tx, i.Stage, i.EventId, i.Applied ? 1L : 0L);
            Tick(cancellationToken);
        }
        foreach (var o in batch.Outbox)
        {
            _outbox.Execute(tx, o.Stage, o.Topic, o.EventId, o.Key, o.Value, StringMap(o.Headers));
            Tick(cancellationToken);
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>The input journal's append (see <see cref="IRiskStore.AppendRawInputsAsync"/>).</summary>
    public IReadOnlyList<RawInput> AppendRawInputs(IReadOnlyList<RawInput> inputs, SqliteTransaction tx, CancellationToken cancellationToken)
    {
        _rowsSinceCheck = 0;
        _lastSeq.Transaction = tx;
        var next = Convert.ToInt64(_lastSeq.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) + 1;
        var appended = new List<RawInput>(inputs.Count);
        foreach (var input in inputs)
        {
            var numbered = input.Seq > 0 ? input : input with { Seq = next };
            if (InsertRawInput(tx, numbered))
            {
                appended.Add(numbered);
                next = Math.Max(next, numbered.Seq + 1);
            }
            Tick(cancellationToken);
        }
        return appended;
    }

    private bool InsertRawInput(SqliteTransaction tx, RawInput input) =>
        Run(_rawInput, tx, input.Seq, input.Topic, input.Key, input.Value, input.ContentHash) == 1;

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }
        command.Prepare();
        return command;
    }

    private static int Run(SqliteCommand command, SqliteTransaction tx, params ReadOnlySpan<object> values)
    {
        command.Transaction = tx;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
        return command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in new[] { _rawInput, _outboxDrain, _checkpoint, _lastSeq })
        {
            command.Dispose();
        }
        foreach (var upsert in new[] { _documents, _firmSentiment, _industrySentiment, _dailySentiment, _fundamentals, _spreads, _riskScores, _alerts, _deadLetters, _outbox, _inbox })
        {
            upsert.Dispose();
        }
        _outboxDelete.Dispose();
    }

    private static string? NullableDay(DateOnly? day) => day is { } d ? Day(d) : null;

    private void Tick(CancellationToken cancellationToken)
    {
        if (++_rowsSinceCheck == RowsBetweenCancellationChecks)
        {
            _rowsSinceCheck = 0;
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
