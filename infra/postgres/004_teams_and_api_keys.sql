-- Teams that use the API and their keys. A key keeps only the SHA-256 of its secret; revoked keys stay listed.
CREATE TABLE teams (
    team_id    text        PRIMARY KEY,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE api_keys (
    key_id        text        PRIMARY KEY,
    team_id       text        NOT NULL REFERENCES teams (team_id),
    scopes        text        NOT NULL,
    secret_sha256 bytea       NOT NULL,
    label         text,
    issued_at     timestamptz NOT NULL,
    revoked_at    timestamptz
);

CREATE INDEX ix_api_keys_team ON api_keys (team_id, issued_at);
