namespace StreamRisk.Infrastructure.Storage;

/// <summary>
/// The SQLite schema, step by step. Never edit a released step: add the next number. Tables are STRICT so that a value
/// of the wrong type fails loudly; instants and days are ISO text (see <see cref="StoreValueFormat"/>), lists JSON text.
/// </summary>
public static class SqliteMigrations
{
    public static readonly IReadOnlyList<SqliteMigration> All =
    [
        new(1, "001_initial_schema", """
            CREATE TABLE raw_inputs (
                seq INTEGER PRIMARY KEY,
                topic TEXT NOT NULL,
                key TEXT NOT NULL,
                value BLOB NOT NULL
            ) STRICT;

            CREATE TABLE documents (
                doc_id TEXT PRIMARY KEY,
                source TEXT NOT NULL,
                published_at TEXT NOT NULL,
                headline TEXT,
                body TEXT NOT NULL,
                language TEXT,
                content_hash TEXT NOT NULL,
                ingest_seq INTEGER NOT NULL
            ) STRICT;
            CREATE UNIQUE INDEX ux_documents_content_hash ON documents (content_hash);

            CREATE TABLE firm_sentiment (
                event_id TEXT PRIMARY KEY,
                doc_id TEXT NOT NULL,
                issuer_id TEXT NOT NULL,
                published_at TEXT NOT NULL,
                p_neg REAL NOT NULL,
                p_neu REAL NOT NULL,
                p_pos REAL NOT NULL,
                score REAL NOT NULL,
                mention_count INTEGER NOT NULL,
                model TEXT NOT NULL,
                ingest_seq INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX ix_firm_sentiment_issuer ON firm_sentiment (issuer_id, published_at);

            CREATE TABLE industry_sentiment (
                event_id TEXT PRIMARY KEY,
                doc_id TEXT NOT NULL,
                industry_id TEXT NOT NULL,
                published_at TEXT NOT NULL,
                score REAL NOT NULL,
                weight REAL NOT NULL,
                topics TEXT NOT NULL,
                model TEXT NOT NULL,
                ingest_seq INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX ix_industry_sentiment_industry ON industry_sentiment (industry_id, published_at);

            CREATE TABLE daily_sentiment (
                issuer_id TEXT NOT NULL,
                day TEXT NOT NULL,
                event_id TEXT NOT NULL,
                revision INTEGER NOT NULL,
                firm_score REAL,
                firm_count INTEGER NOT NULL,
                meso_score REAL,
                composite REAL NOT NULL,
                smoothed REAL NOT NULL,
                top_doc_ids TEXT NOT NULL,
                PRIMARY KEY (issuer_id, day)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE fundamentals (
                issuer_id TEXT NOT NULL,
                period_end TEXT NOT NULL,
                published_at TEXT NOT NULL,
                indicators TEXT NOT NULL,
                PRIMARY KEY (issuer_id, period_end)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE spreads (
                issuer_id TEXT NOT NULL,
                day TEXT NOT NULL,
                spread_bps REAL NOT NULL,
                PRIMARY KEY (issuer_id, day)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE risk_scores (
                issuer_id TEXT NOT NULL,
                as_of TEXT NOT NULL,
                event_id TEXT NOT NULL,
                revision INTEGER NOT NULL,
                index_value REAL NOT NULL,
                last_spread_bps REAL,
                spread_change_forecast_bps REAL NOT NULL,
                horizon_days INTEGER NOT NULL,
                p_performing REAL NOT NULL,
                p_extended REAL NOT NULL,
                p_defaulted REAL NOT NULL,
                risk_class TEXT NOT NULL,
                model TEXT NOT NULL,
                evidence_doc_ids TEXT NOT NULL,
                PRIMARY KEY (issuer_id, as_of)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE alerts (
                alert_id TEXT PRIMARY KEY,
                issuer_id TEXT NOT NULL,
                as_of TEXT NOT NULL,
                rule TEXT NOT NULL,
                severity TEXT NOT NULL,
                message TEXT NOT NULL,
                value REAL NOT NULL,
                threshold REAL,
                evidence_doc_ids TEXT NOT NULL
            ) STRICT;
            CREATE INDEX ix_alerts_issuer ON alerts (issuer_id, as_of);

            CREATE TABLE dead_letters (
                dead_letter_id TEXT PRIMARY KEY,
                source_topic TEXT NOT NULL,
                source_partition INTEGER NOT NULL,
                source_offset INTEGER NOT NULL,
                stage TEXT NOT NULL,
                reason_code TEXT NOT NULL,
                reason TEXT NOT NULL,
                error_type TEXT,
                original_base64 TEXT NOT NULL
            ) STRICT;
            """),
            new(2, "002_outbox_inbox_watermarks_alert_revisions", """
            -- Transactional outbox: events a stage emitted, written with its state, deleted once published.
            -- The rowid gives the order they were written in.
            CREATE TABLE stage_outbox (
                stage TEXT NOT NULL,
                topic TEXT NOT NULL,
                event_id TEXT NOT NULL,
                key TEXT NOT NULL,
                value BLOB NOT NULL,
                headers TEXT NOT NULL,
                PRIMARY KEY (stage, topic, event_id)
            ) STRICT;

            -- Inbox: the inputs a stage consumed, with whether they changed its state (1) or were refused (0).
            CREATE TABLE stage_inbox (
                stage TEXT NOT NULL,
                event_id TEXT NOT NULL,
                applied INTEGER NOT NULL,
                PRIMARY KEY (stage, event_id)
            ) STRICT, WITHOUT ROWID;

            -- The ingest watermark each text was judged by (ISO day); NULL for rows written before it existed.
            ALTER TABLE documents ADD COLUMN watermark TEXT;
            ALTER TABLE firm_sentiment ADD COLUMN watermark TEXT;
            ALTER TABLE industry_sentiment ADD COLUMN watermark TEXT;
            CREATE INDEX ix_documents_published ON documents (published_at);

            -- An alert is revised when its day's value is, and retracted when the rules no longer find it.
            ALTER TABLE alerts ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE alerts ADD COLUMN status TEXT NOT NULL DEFAULT 'active';

            -- Rows stored before the inbox existed were consumed by the aggregate stage as far as anyone can tell; a
            -- restart re-judges their lateness while replaying them in ingest order, as it did before.
            INSERT OR IGNORE INTO stage_inbox (stage, event_id, applied) SELECT 'aggregate', event_id, 1 FROM firm_sentiment;
            INSERT OR IGNORE INTO stage_inbox (stage, event_id, applied) SELECT 'aggregate', event_id, 1 FROM industry_sentiment;
            """),
            new(3, "003_input_journal", """
            -- The input journal: the embedded run writes each input here before it publishes it, identified by its
            -- content (SHA-256 of topic, key and bytes), so a re-run over the same input recognises what it already
            -- took in and numbers the rest after it. NULL for inputs stored before version 3.
            ALTER TABLE raw_inputs ADD COLUMN content_hash TEXT;
            CREATE UNIQUE INDEX ux_raw_inputs_content_hash ON raw_inputs (content_hash) WHERE content_hash IS NOT NULL;

            -- Per input topic, the last input seq whose processing every stage finished: a run that starts over this
            -- store feeds the journal's later inputs again before anything new.
            CREATE TABLE input_checkpoints (
                topic TEXT PRIMARY KEY,
                seq INTEGER NOT NULL
            ) STRICT, WITHOUT ROWID;

            -- A store from before the journal counts as finished (documents under docs.v1, by ingest seq); otherwise the
            -- first run over it would publish its whole history again (harmless, idempotent, but slow).
            INSERT INTO input_checkpoints (topic, seq) SELECT topic, MAX(seq) FROM raw_inputs GROUP BY topic;
            INSERT INTO input_checkpoints (topic, seq) SELECT 'docs.v1', MAX(ingest_seq) FROM documents WHERE ingest_seq IS NOT NULL
                HAVING COUNT(*) > 0;
            """),
            new(4, "004_teams_and_api_keys", """
            -- Teams that use the API and their keys. A key keeps only the SHA-256 of its secret; revoked keys stay listed.
            CREATE TABLE teams (
                team_id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                created_at TEXT NOT NULL
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE api_keys (
                key_id TEXT PRIMARY KEY,
                team_id TEXT NOT NULL REFERENCES teams (team_id),
                scopes TEXT NOT NULL,
                secret_sha256 BLOB NOT NULL,
                label TEXT,
                issued_at TEXT NOT NULL,
                revoked_at TEXT
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX ix_api_keys_team ON api_keys (team_id, issued_at);
            """),
            new(5, "005_subscriptions_feed_webhooks", """
            -- A team's subscriptions (filter as JSON); deleted ones are kept, marked, so their feed stays readable.
            CREATE TABLE subscriptions (
                subscription_id TEXT PRIMARY KEY,
                team_id TEXT NOT NULL REFERENCES teams (team_id),
                name TEXT NOT NULL,
                filter TEXT NOT NULL,
                webhook_url TEXT,
                webhook_secret BLOB,
                created_at TEXT NOT NULL,
                deleted_at TEXT
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX ix_subscriptions_team ON subscriptions (team_id, created_at);

            -- What matched each subscription, numbered in the order it was appended: SSE resumes after a seq.
            CREATE TABLE team_feed (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                team_id TEXT NOT NULL,
                subscription_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                event_id TEXT NOT NULL,
                at TEXT NOT NULL,
                body TEXT NOT NULL,
                UNIQUE (subscription_id, kind, event_id)
            ) STRICT;
            CREATE INDEX ix_team_feed_team ON team_feed (team_id, seq);

            -- The webhook delivery log: one row per feed entry of a subscription with a webhook.
            CREATE TABLE webhook_deliveries (
                delivery_id INTEGER PRIMARY KEY REFERENCES team_feed (seq),
                team_id TEXT NOT NULL,
                subscription_id TEXT NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT NOT NULL,
                last_status_code INTEGER,
                last_error TEXT,
                delivered_at TEXT
            ) STRICT;
            CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
            CREATE INDEX ix_webhook_deliveries_team ON webhook_deliveries (team_id, delivery_id);
            """),
            new(6, "006_alert_acknowledgements_and_read_indexes", """
            -- A team's acknowledgement of an alert: one per team and alert; removing it deletes the row.
            CREATE TABLE alert_acknowledgements (
                team_id TEXT NOT NULL REFERENCES teams (team_id),
                alert_id TEXT NOT NULL,
                acknowledged_at TEXT NOT NULL,
                key_id TEXT NOT NULL,
                note TEXT,
                PRIMARY KEY (team_id, alert_id)
            ) STRICT, WITHOUT ROWID;

            -- The API's newest-first pages: alerts by (as_of, alert_id) and texts by (published_at, doc_id) are read in
            -- index order; a text's sentiment rows are found by doc id when a document is opened.
            CREATE INDEX ix_alerts_as_of ON alerts (as_of, alert_id);
            CREATE INDEX ix_documents_published_doc ON documents (published_at, doc_id);
            DROP INDEX ix_documents_published;
            CREATE INDEX ix_industry_sentiment_doc ON industry_sentiment (doc_id);
            CREATE INDEX ix_firm_sentiment_doc ON firm_sentiment (doc_id);
            """),
            new(7, "007_industry_sentiment_provenance", """
            -- What sentiment.industry.v1 says about where a score came from (model is kept since version 1): the prompt
            -- version, why the built-in scorer took over from a configured LLM, and the topic -> industry paths with each
            -- topic's contribution (JSON: topic_id, similarity, sentiment, affects_weight, contribution). NULL in rows
            -- stored before version 7, which read back as events without them.
            ALTER TABLE industry_sentiment ADD COLUMN prompt_version TEXT;
            ALTER TABLE industry_sentiment ADD COLUMN fallback TEXT;
            ALTER TABLE industry_sentiment ADD COLUMN paths TEXT;
            """),
];
}
