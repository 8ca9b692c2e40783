-- A team's acknowledgement of an alert: one per team and alert; removing it deletes the row.
CREATE TABLE alert_acknowledgements (
    team_id         text        NOT NULL REFERENCES teams (team_id),
    alert_id        text        NOT NULL,
    acknowledged_at timestamptz NOT NULL,
    key_id          text        NOT NULL,
    note            text,
    PRIMARY KEY (team_id, alert_id)
);

-- The API's newest-first pages: alerts by (as_of, alert_id) and texts by (published_at, doc_id) are read in index
-- order; a text's sentiment rows are found by doc id when a document is opened.
CREATE INDEX alerts_as_of ON alerts (as_of, alert_id);
CREATE INDEX documents_published_doc ON documents (published_at, doc_id);
DROP INDEX documents_published;
CREATE INDEX industry_sentiments_doc ON industry_sentiments (doc_id);
CREATE INDEX firm_sentiments_doc ON firm_sentiments (doc_id);
