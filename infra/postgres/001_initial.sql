-- StreamRisk store, version 1. Every table is keyed by the identity of the event it holds, so every write is an
-- idempotent upsert (see PostgresRiskStore). Lists and maps are jsonb; doubles are float8 (exact round trip).

CREATE TABLE raw_inputs (
    seq      bigint PRIMARY KEY,
    topic    text   NOT NULL,
    key      text   NOT NULL,
    value    bytea  NOT NULL
);

CREATE TABLE documents (
    doc_id        text        PRIMARY KEY,
    source        text        NOT NULL,
    published_at  timestamptz NOT NULL,
    headline      text,
    body          text        NOT NULL,
    language      text,
    content_hash  text        NOT NULL UNIQUE,
    ingest_seq    bigint      NOT NULL
);

CREATE TABLE firm_sentiments (
    event_id       text        PRIMARY KEY,
    doc_id         text        NOT NULL,
    issuer_id      text        NOT NULL,
    published_at   timestamptz NOT NULL,
    p_neg          float8      NOT NULL,
    p_neu          float8      NOT NULL,
    p_pos          float8      NOT NULL,
    score          float8      NOT NULL,
    mention_count  integer     NOT NULL,
    model          text        NOT NULL,
    ingest_seq     bigint      NOT NULL
);
CREATE INDEX firm_sentiments_issuer ON firm_sentiments (issuer_id, published_at);

CREATE TABLE industry_sentiments (
    event_id      text        PRIMARY KEY,
    doc_id        text        NOT NULL,
    industry_id   text        NOT NULL,
    published_at  timestamptz NOT NULL,
    score         float8      NOT NULL,
    weight        float8      NOT NULL,
    topics        jsonb       NOT NULL,
    model         text        NOT NULL,
    ingest_seq    bigint      NOT NULL
);
CREATE INDEX industry_sentiments_industry ON industry_sentiments (industry_id, published_at);

CREATE TABLE daily_sentiments (
    issuer_id     text    NOT NULL,
    day           date    NOT NULL,
    event_id      text    NOT NULL,
    revision      integer NOT NULL,
    firm_score    float8,
    firm_count    integer NOT NULL,
    meso_score    float8,
    composite     float8  NOT NULL,
    smoothed      float8  NOT NULL,
    top_doc_ids   jsonb   NOT NULL,
    PRIMARY KEY (issuer_id, day)
);

CREATE TABLE fundamentals (
    issuer_id     text        NOT NULL,
    period_end    date        NOT NULL,
    published_at  timestamptz NOT NULL,
    indicators    jsonb       NOT NULL,
    PRIMARY KEY (issuer_id, period_end)
);

CREATE TABLE spreads (
    issuer_id   text   NOT NULL,
    day         date   NOT NULL,
    spread_bps  float8 NOT NULL,
    PRIMARY KEY (issuer_id, day)
);

CREATE TABLE risk_scores (
    issuer_id                   text    NOT NULL,
    as_of                       date    NOT NULL,
    event_id                    text    NOT NULL,
    revision                    integer NOT NULL,
    index_value                 float8  NOT NULL,
    last_spread_bps             float8,
    spread_change_forecast_bps  float8  NOT NULL,
    horizon_days                integer NOT NULL,
    p_performing                float8  NOT NULL,
    p_extended                  float8  NOT NULL,
    p_defaulted                 float8  NOT NULL,
    risk_class                  text    NOT NULL,
    model                       text    NOT NULL,
    evidence_doc_ids            jsonb   NOT NULL,
    PRIMARY KEY (issuer_id, as_of)
);

CREATE TABLE alerts (
    alert_id          text    PRIMARY KEY,
    issuer_id         text    NOT NULL,
    as_of             date    NOT NULL,
    rule              text    NOT NULL,
    severity          text    NOT NULL,
    message           text    NOT NULL,
    value             float8  NOT NULL,
    threshold         float8,
    evidence_doc_ids  jsonb   NOT NULL
);
CREATE INDEX alerts_issuer ON alerts (issuer_id, as_of);

CREATE TABLE dead_letters (
    dead_letter_id   text    PRIMARY KEY,
    source_topic     text    NOT NULL,
    source_partition integer NOT NULL,
    source_offset    bigint  NOT NULL,
    stage            text    NOT NULL,
    reason_code      text    NOT NULL,
    reason           text    NOT NULL,
    error_type       text,
    original_base64  text    NOT NULL
);
