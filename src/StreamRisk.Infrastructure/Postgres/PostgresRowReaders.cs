using Npgsql;
using StreamRisk.Core.Events;
using StreamRisk.Infrastructure.Storage;

namespace StreamRisk.Infrastructure.Postgres;

/// <summary>Turns PostgreSQL rows back into events; each column list is read in the order its reader reads.</summary>
internal static class PostgresRowReaders
{
    public const string DailySentimentColumns =
        "event_id, issuer_id, day, revision, firm_score, firm_count, meso_score, composite, smoothed, top_doc_ids::text";

    public const string RiskScoreColumns =
        "event_id, issuer_id, as_of, revision, index_value, last_spread_bps, spread_change_forecast_bps, horizon_days, "
        + "p_performing, p_extended, p_defaulted, risk_class, model, evidence_doc_ids::text";

    public const string AlertColumns =
        "alert_id, issuer_id, as_of, rule, severity, message, value, threshold, evidence_doc_ids::text, revision, status";

    public const string DeadLetterColumns =
        "dead_letter_id, source_topic, source_partition, source_offset, stage, reason_code, reason, error_type, original_base64";

    public const string DocumentColumns = "doc_id, source, published_at, headline, body, language, content_hash, ingest_seq, watermark";

    public const string FirmSentimentColumns =
        "event_id, doc_id, issuer_id, published_at, p_neg, p_neu, p_pos, score, mention_count, model, ingest_seq, watermark";

    public const string IndustrySentimentColumns =
        "event_id, doc_id, industry_id, published_at, score, weight, topics::text, model, ingest_seq, watermark, prompt_version, fallback, paths::text";

    public static DailySentiment DailySentiment(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetInt32(3), NullableDouble(r, 4), r.GetInt32(5),
        NullableDouble(r, 6), r.GetDouble(7), r.GetDouble(8), JsonColumns.ReadStringList(r.GetString(9)));

    public static RiskScore RiskScore(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetInt32(3), r.GetDouble(4), NullableDouble(r, 5),
        r.GetDouble(6), r.GetInt32(7), r.GetDouble(8), r.GetDouble(9), r.GetDouble(10),
        Enum.Parse<RiskClass>(r.GetString(11)), r.GetString(12))
    {
        EvidenceDocIds = JsonColumns.ReadStringList(r.GetString(13)),
    };

    public static RiskAlert Alert(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetString(3), r.GetString(4), r.GetString(5),
        r.GetDouble(6), NullableDouble(r, 7), JsonColumns.ReadStringList(r.GetString(8)), r.GetInt32(9), r.GetString(10));

    public static DeadLetter DeadLetter(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt64(3), r.GetString(4), r.GetString(5), r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7), r.GetString(8));

    public static NewsDocument Document(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), r.GetInt64(7), NullableDay(r, 8));

    public static FirmSentiment FirmSentiment(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), r.GetDouble(4), r.GetDouble(5),
        r.GetDouble(6), r.GetDouble(7), r.GetInt32(8), r.GetString(9), r.GetInt64(10), NullableDay(r, 11));

    public static IndustrySentiment IndustrySentiment(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), r.GetDouble(4), r.GetDouble(5),
        StoreValueFormat.ParseTopicHits(r.GetString(6)), r.GetString(7), r.GetInt64(8), NullableDay(r, 9),
        r.IsDBNull(10) ? null : r.GetString(10), r.IsDBNull(11) ? null : r.GetString(11),
        r.IsDBNull(12) ? null : StoreValueFormat.ParseTopicPaths(r.GetString(12)));

    public static DateOnly? NullableDay(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);

    public static double? NullableDouble(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
