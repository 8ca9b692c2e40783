using Npgsql;
using StreamRisk.Core.Events;
using StreamRisk.Core.Storage;
using StreamRisk.Infrastructure.Storage;

namespace StreamRisk.Infrastructure.Postgres;

/// <summary>
/// Turns a <see cref="StoreBatch"/> into upsert statements, one per record type present. Each batch is first reduced
/// to one record per key: the last one, or for daily sentiment and risk scores the highest revision; a stored row is
/// likewise replaced only by an equal or higher revision.
/// </summary>
internal static class PostgresUpserts
{
    // A stored input is never replaced: neither by another input under the same seq nor by the same content again.
    internal const string RawInputInsert = """
        INSERT INTO raw_inputs (seq, topic, key, value, content_hash)
        SELECT seq, topic, key, value, content_hash FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bytea[], $5::text[])
             AS u(seq, topic, key, value, content_hash)
        ON CONFLICT DO NOTHING
        """;

    private const string OutboxDrain = """
        DELETE FROM stage_outbox o USING unnest($1::text[], $2::text[]) AS u(stage, topic) WHERE o.stage = u.stage AND o.topic = u.topic
        """;

    private const string CheckpointUpsert = """
        INSERT INTO input_checkpoints (topic, seq) SELECT topic, seq FROM unnest($1::text[], $2::bigint[]) AS u(topic, seq)
        ON CONFLICT (topic) DO UPDATE SET seq = GREATEST(input_checkpoints.seq, excluded.seq)
        """;

    private static readonly PostgresUpsert Documents = new("documents",
        [("doc_id", "text"), ("source", "text"), ("published_at", "timestamptz"), ("headline", "text"), ("body", "text"),
         ("language", "text"), ("content_hash", "text"), ("ingest_seq", "bigint"), ("watermark", "date")], ["doc_id"]);

    private static readonly PostgresUpsert FirmSentiments = new("firm_sentiments",
        [("event_id", "text"), ("doc_id", "text"), ("issuer_id", "text"), ("published_at", "timestamptz"), ("p_neg", "float8"),
         ("p_neu", "float8"), ("p_pos", "float8"), ("score", "float8"), ("mention_count", "integer"), ("model", "text"),
         ("ingest_seq", "bigint"), ("watermark", "date")], ["event_id"]);

    private static readonly PostgresUpsert IndustrySentiments = new("industry_sentiments",
        [("event_id", "text"), ("doc_id", "text"), ("industry_id", "text"), ("published_at", "timestamptz"), ("score", "float8"),
         ("weight", "float8"), ("topics", "jsonb"), ("model", "text"), ("ingest_seq", "bigint"), ("watermark", "date"),
         ("prompt_version", "text"), ("fallback", "text"), ("paths", "jsonb")], ["event_id"]);

    private static readonly PostgresUpsert DailySentiments = new("daily_sentiments",
        [("issuer_id", "text"), ("day", "date"), ("event_id", "text"), ("revision", "integer"), ("firm_score", "float8"),
         ("firm_count", "integer"), ("meso_score", "float8"), ("composite", "float8"), ("smoothed", "float8"),
         ("top_doc_ids", "jsonb")], ["issuer_id", "day"], "excluded.revision >= daily_sentiments.revision");

    private static readonly PostgresUpsert Fundamentals = new("fundamentals",
        [("issuer_id", "text"), ("period_end", "date"), ("published_at", "timestamptz"), ("indicators", "jsonb")],
        ["issuer_id", "period_end"]);

    private static readonly PostgresUpsert Spreads = new("spreads",
        [("issuer_id", "text"), ("day", "date"), ("spread_bps", "float8")], ["issuer_id", "day"]);

    private static readonly PostgresUpsert RiskScores = new("risk_scores",
        [("issuer_id", "text"), ("as_of", "date"), ("event_id", "text"), ("revision", "integer"), ("index_value", "float8"),
         ("last_spread_bps", "float8"), ("spread_change_forecast_bps", "float8"), ("horizon_days", "integer"),
         ("p_performing", "float8"), ("p_extended", "float8"), ("p_defaulted", "float8"), ("risk_class", "text"), ("model", "text"),
         ("evidence_doc_ids", "jsonb")],
        ["issuer_id", "as_of"], "excluded.revision >= risk_scores.revision");

    private static readonly PostgresUpsert Alerts = new("alerts",
        [("alert_id", "text"), ("issuer_id", "text"), ("as_of", "date"), ("rule", "text"), ("severity", "text"), ("message", "text"),
         ("value", "float8"), ("threshold", "float8"), ("evidence_doc_ids", "jsonb"), ("revision", "integer"), ("status", "text")],
        ["alert_id"], "excluded.revision >= alerts.revision");

    private static readonly PostgresUpsert DeadLetters = new("dead_letters",
        [("dead_letter_id", "text"), ("source_topic", "text"), ("source_partition", "integer"), ("source_offset", "bigint"),
         ("stage", "text"), ("reason_code", "text"), ("reason", "text"), ("error_type", "text"), ("original_base64", "text")],
        ["dead_letter_id"]);

    private static readonly PostgresUpsert Inbox = new("stage_inbox",
        [("stage", "text"), ("event_id", "text"), ("applied", "boolean")], ["stage", "event_id"]);

    // Written in batch order (ordinality), so the outbox relays events in the order the stage emitted them; an entry
    // already waiting keeps its place.
    private const string OutboxInsert = """
        INSERT INTO stage_outbox (stage, topic, event_id, key, value, headers)
        SELECT stage, topic, event_id, key, value, headers::jsonb
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bytea[], $6::text[]) WITH ORDINALITY
             AS u(stage, topic, event_id, key, value, headers, n)
        ORDER BY n
        ON CONFLICT (stage, topic, event_id) DO NOTHING
        """;

    private const string OutboxDelete = """
        DELETE FROM stage_outbox o USING unnest($1::text[], $2::text[], $3::text[]) AS u(stage, topic, event_id)
        WHERE o.stage = u.stage AND o.topic = u.topic AND o.event_id = u.event_id
        """;

    public static void AddTo(NpgsqlBatch batch, StoreBatch records)
    {
        // Deletes first: an event published last time and emitted again in this batch must stay waiting.
        if (records.OutboxSent.Count > 0)
        {
            var sent = records.OutboxSent;
            batch.BatchCommands.Add(Command(OutboxDelete, Column(sent, o => o.Stage), Column(sent, o => o.Topic), Column(sent, o => o.EventId)));
        }
        if (records.RawInputs.Count > 0)
        {
            var rows = LatestPerKey.Last(records.RawInputs, r => r.Seq, Comparer<long>.Default);
            batch.BatchCommands.Add(Command(RawInputInsert,
                Column(rows, r => r.Seq), Column(rows, r => r.Topic), Column(rows, r => r.Key), Column(rows, r => r.Value), Column(rows, r => r.ContentHash)));
        }
        if (records.OutboxDrained.Count > 0)
        {
            var rows = records.OutboxDrained;
            batch.BatchCommands.Add(Command(OutboxDrain, Column(rows, o => o.Stage), Column(rows, o => o.Topic)));
        }
        if (records.InputCheckpoints.Count > 0)
        {
            var rows = records.InputCheckpoints;
            batch.BatchCommands.Add(Command(CheckpointUpsert, Column(rows, c => c.Topic), Column(rows, c => c.Seq)));
        }
        if (records.Documents.Count > 0)
        {
            var rows = LatestPerKey.Last(records.Documents, d => d.DocId, StringComparer.Ordinal);
            batch.BatchCommands.Add(Documents.Command(
                Column(rows, d => d.DocId), Column(rows, d => d.Source), Column(rows, d => d.PublishedAt.ToUniversalTime()),
                Column(rows, d => d.Headline), Column(rows, d => d.Body), Column(rows, d => d.Language),
                Column(rows, d => d.ContentHash), Column(rows, d => d.IngestSeq), Column(rows, d => d.Watermark)));
        }
        if (records.FirmSentiments.Count > 0)
        {
            var rows = LatestPerKey.Last(records.FirmSentiments, f => f.EventId, StringComparer.Ordinal);
            batch.BatchCommands.Add(FirmSentiments.Command(
                Column(rows, f => f.EventId), Column(rows, f => f.DocId), Column(rows, f => f.IssuerId),
                Column(rows, f => f.PublishedAt.ToUniversalTime()), Column(rows, f => f.PNeg), Column(rows, f => f.PNeu),
                Column(rows, f => f.PPos), Column(rows, f => f.Score), Column(rows, f => f.MentionCount), Column(rows, f => f.Model),
                Column(rows, f => f.IngestSeq), Column(rows, f => f.Watermark)));
        }
        if (records.IndustrySentiments.Count > 0)
        {
            var rows = LatestPerKey.Last(records.IndustrySentiments, s => s.EventId, StringComparer.Ordinal);
            batch.BatchCommands.Add(IndustrySentiments.Command(
                Column(rows, s => s.EventId), Column(rows, s => s.DocId), Column(rows, s => s.IndustryId),
                Column(rows, s => s.PublishedAt.ToUniversalTime()), Column(rows, s => s.Score), Column(rows, s => s.Weight),
                Column(rows, s => JsonColumns.TopicHits(s.Topics)), Column(rows, s => s.Model), Column(rows, s => s.IngestSeq), Column(rows, s => s.Watermark),
                Column(rows, s => s.PromptVersion), Column(rows, s => s.Fallback),
                Column(rows, s => s.Paths is null ? null : StoreValueFormat.TopicPaths(s.Paths))));
        }
        if (records.DailySentiments.Count > 0)
        {
            var rows = LatestPerKey.HighestRevision(
                records.DailySentiments, d => (d.IssuerId, d.Day), d => d.Revision, IssuerDayOrder.Instance);
            batch.BatchCommands.Add(DailySentiments.Command(
                Column(rows, d => d.IssuerId), Column(rows, d => d.Day), Column(rows, d => d.EventId), Column(rows, d => d.Revision),
                Column(rows, d => d.FirmScore), Column(rows, d => d.FirmCount), Column(rows, d => d.MesoScore),
                Column(rows, d => d.Composite), Column(rows, d => d.Smoothed), Column(rows, d => JsonColumns.StringList(d.TopDocIds))));
        }
        if (records.Fundamentals.Count > 0)
        {
            var rows = LatestPerKey.Last(records.Fundamentals, f => (f.IssuerId, f.PeriodEnd), IssuerDayOrder.Instance);
            batch.BatchCommands.Add(Fundamentals.Command(
                Column(rows, f => f.IssuerId), Column(rows, f => f.PeriodEnd), Column(rows, f => f.PublishedAt.ToUniversalTime()),
                Column(rows, f => JsonColumns.Indicators(f.Indicators))));
        }
        if (records.Spreads.Count > 0)
        {
            var rows = LatestPerKey.Last(records.Spreads, s => (s.IssuerId, s.Day), IssuerDayOrder.Instance);
            batch.BatchCommands.Add(Spreads.Command(
                Column(rows, s => s.IssuerId), Column(rows, s => s.Day), Column(rows, s => s.SpreadBps)));
        }
        if (records.RiskScores.Count > 0)
        {
            var rows = LatestPerKey.HighestRevision(
                records.RiskScores, r => (r.IssuerId, r.AsOf), r => r.Revision, IssuerDayOrder.Instance);
            batch.BatchCommands.Add(RiskScores.Command(
                Column(rows, r => r.IssuerId), Column(rows, r => r.AsOf), Column(rows, r => r.EventId), Column(rows, r => r.Revision),
                Column(rows, r => r.IndexValue), Column(rows, r => r.LastSpreadBps), Column(rows, r => r.SpreadChangeForecastBps),
                Column(rows, r => r.HorizonDays), Column(rows, r => r.PPerforming), Column(rows, r => r.PExtended),
                Column(rows, r => r.PDefaulted), Column(rows, r => r.RiskClass.ToString()), Column(rows, r => r.Model),
                Column(rows, r => JsonColumns.StringList(r.EvidenceDocIds))));
        }
        if (records.Alerts.Count > 0)
        {
            var rows = LatestPerKey.HighestRevision(records.Alerts, a => a.AlertId, a => a.Revision, StringComparer.Ordinal);
            batch.BatchCommands.Add(Alerts.Command(
                Column(rows, a => a.AlertId), Column(rows, a => a.IssuerId), Column(rows, a => a.AsOf), Column(rows, a => a.Rule),
                Column(rows, a => a.Severity), Column(rows, a => a.Message), Column(rows, a => a.Value), Column(rows, a => a.Threshold),
                Column(rows, a => JsonColumns.StringList(a.EvidenceDocIds)), Column(rows, a => a.Revision), Column(rows, a => a.Status)));
        }
        if (records.DeadLetters.Count > 0)
        {
            var rows = LatestPerKey.Last(records.DeadLetters, d => d.DeadLetterId, StringComparer.Ordinal);
            batch.BatchCommands.Add(DeadLetters.Command(
                Column(rows, d => d.DeadLetterId), Column(rows, d => d.SourceTopic), Column(rows, d => d.Partition),
                Column(rows, d => d.Offset), Column(rows, d => d.Stage), Column(rows, d => d.ReasonCode), Column(rows, d => d.Reason),
                Column(rows, d => d.ErrorType), Column(rows, d => d.OriginalBase64)));
        }
        if (records.Inbox.Count > 0)
        {
            var rows = LatestPerKey.Last(records.Inbox, i => (i.Stage, i.EventId), StagePairOrder.Instance);
            batch.BatchCommands.Add(Inbox.Command(Column(rows, i => i.Stage), Column(rows, i => i.EventId), Column(rows, i => i.Applied)));
        }
        if (records.Outbox.Count > 0)
        {
            var rows = records.Outbox;
            batch.BatchCommands.Add(Command(OutboxInsert, Column(rows, o => o.Stage), Column(rows, o => o.Topic), Column(rows, o => o.EventId),
                Column(rows, o => o.Key), Column(rows, o => o.Value), Column(rows, o => StoreValueFormat.StringMap(o.Headers))));
        }
    }

    internal static NpgsqlBatchCommand Command(string sql, params object[] columnArrays)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var array in columnArrays)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = array });
        }
        return command;
    }

    private sealed class StagePairOrder : IComparer<(string, string)>
    {
        public static readonly StagePairOrder Instance = new();

        public int Compare((string, string) x, (string, string) y)
        {
            var first = string.CompareOrdinal(x.Item1, y.Item1);
            return first != 0 ? first : string.CompareOrdinal(x.Item2, y.Item2);
        }
    }

    internal static TValue[] Column<T, TValue>(IReadOnlyList<T> rows, Func<T, TValue> value)
    {
        var column = new TValue[rows.Count];
        for (var i = 0; i < column.Length; i++)
        {
            column[i] = value(rows[i]);
        }
        return column;
    }
}
