using Microsoft.Data.Sqlite;
using StreamRisk.Core.Events;
using static StreamRisk.Infrastructure.Storage.StoreValueFormat;

namespace StreamRisk.Infrastructure.Storage;

/// <summary>Turns rows back into events; each SELECT it pairs with lists the columns in the order read here.</summary>
internal static class SqliteRowReaders
{
    public const string DailySentimentColumns =
        "event_id, issuer_id, day, revision, firm_score, firm_count, meso_score, composite, smoothed, top_doc_ids";

    public const string RiskScoreColumns =
        "event_id, issuer_id, as_of, revision, index_value, last_spread_bps, spread_change_forecast_bps, horizon_days, " +
        "p_performing, p_extended, p_defaulted, risk_class, model, evidence_doc_ids";

    public const string AlertColumns = "alert_id, issuer_id, as_of, rule, severity, message, value, threshold, evidence_doc_ids, revision, status";

    public const string DeadLetterColumns =
        "dead_letter_id, source_topic, source_partition, source_offset, stage, reason_code, reason, error_type, original_base64";

    public static DailySentiment DailySentiment(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), ParseDay(r.GetString(2)), r.GetInt32(3), NullableDouble(r, 4), r.GetInt32(5),
        NullableDouble(r, 6), r.GetDouble(7), r.GetDouble(8), ParseStringList(r.GetString(9)));

    public static RiskScore RiskScore(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), ParseDay(r.GetString(2)), r.GetInt32(3), r.GetDouble(4), NullableDouble(r, 5),
        r.GetDouble(6), r.GetInt32(7), r.GetDouble(8), r.GetDouble(9), r.GetDouble(10), ParseRiskClass(r.GetString(11)), r.GetString(12))
    {
        EvidenceDocIds = ParseStringList(r.GetString(13)),
    };

    public static RiskAlert Alert(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), ParseDay(r.GetString(2)), r.GetString(3), r.GetString(4), r.GetString(5), r.GetDouble(6),
        NullableDouble(r, 7), ParseStringList(r.GetString(8)), r.GetInt32(9), r.GetString(10));

    public static DeadLetter DeadLetter(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt64(3), r.GetString(4), r.GetString(5), r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7), r.GetString(8));

    public const string DocumentColumns = "doc_id, source, published_at, headline, body, language, content_hash, ingest_seq, watermark";

    public static NewsDocument Document(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), ParseInstant(r.GetString(2)), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), r.GetInt64(7), NullableDay(r, 8));

    public const string FirmSentimentColumns =
        "event_id, doc_id, issuer_id, published_at, p_neg, p_neu, p_pos, score, mention_count, model, ingest_seq, watermark";

    public const string IndustrySentimentColumns =
        "event_id, doc_id, industry_id, published_at, score, weight, topics, model, ingest_seq, watermark, prompt_version, fallback, paths";

    public static FirmSentiment FirmSentiment(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), ParseInstant(r.GetString(3)), r.GetDouble(4), r.GetDouble(5), r.GetDouble(6),
        r.GetDouble(7), r.GetInt32(8), r.GetString(9), r.GetInt64(10), NullableDay(r, 11));

    public static IndustrySentiment IndustrySentiment(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), ParseInstant(r.GetString(3)), r.GetDouble(4), r.GetDouble(5),
        ParseTopicHits(r.GetString(6)), r.GetString(7), r.GetInt64(8), NullableDay(r, 9), NullableString(r, 10), NullableString(r, 11),
        r.IsDBNull(12) ? null : ParseTopicPaths(r.GetString(12)));

    public static Fundamentals Fundamentals(SqliteDataReader r) => new(
        r.GetString(0), ParseDay(r.GetString(1)), ParseInstant(r.GetString(2)), ParseNumberMap(r.GetString(3)));

    public static SpreadObservation Spread(SqliteDataReader r) => new(r.GetString(0), ParseDay(r.GetString(1)), r.GetDouble(2));

    private static double? NullableDouble(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetDouble(ordinal);

    private static string? NullableString(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static DateOnly? NullableDay(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : ParseDay(r.GetString(ordinal));
}
