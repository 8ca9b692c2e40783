-- A team's subscriptions (filter as JSON); deleted ones are kept, marked, so their feed stays readable.
CREATE TABLE subscriptions (
    subscription_id text        PRIMARY KEY,
    team_id         text        NOT NULL REFERENCES teams (team_id),
    name            text        NOT NULL,
    filter          jsonb       NOT NULL,
    webhook_url     text,
    webhook_secret  bytea,
    created_at      timestamptz NOT NULL,
    deleted_at      timestamptz
);
CREATE INDEX ix_subscriptions_team ON subscriptions (team_id, created_at);

-- What matched each subscription, numbered in the order it was appended: SSE resumes after a seq. Appends hold a
-- transaction advisory lock, so seqs become visible in order and a reader never skips one that commits late.
CREATE TABLE team_feed (
    seq             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id         text        NOT NULL,
    subscription_id text        NOT NULL,
    kind            text        NOT NULL,
    event_id        text        NOT NULL,
    at              timestamptz NOT NULL,
    body            text        NOT NULL,
    UNIQUE (subscription_id, kind, event_id)
);
CREATE INDEX ix_team_feed_team ON team_feed (team_id, seq);

-- The webhook delivery log: one row per feed entry of a subscription with a webhook.
CREATE TABLE webhook_deliveries (
    delivery_id      bigint      PRIMARY KEY REFERENCES team_feed (seq),
    team_id          text        NOT NULL,
    subscription_id  text        NOT NULL,
    status           text        NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_status_code integer,
    last_error       text,
    delivered_at     timestamptz
);
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_team ON webhook_deliveries (team_id, delivery_id);
