-- StreamRisk store, version 2: transactional outbox and inbox per stage, the ingest watermark of each text, and
-- alert revisions.

-- Events a stage emitted, written in the same transaction as its state, published afterwards and then deleted.
-- position gives the order they were written in.
CREATE TABLE stage_outbox (
    position  bigint GENERATED ALWAYS AS IDENTITY,
    stage     text   NOT NULL,
    topic     text   NOT NULL,
    event_id  text   NOT NULL,
    key       text   NOT NULL,
    value     bytea  NOT NULL,
    headers   jsonb  NOT NULL,
    PRIMARY KEY (stage, topic, event_id)
);
CREATE INDEX stage_outbox_order ON stage_outbox (stage, position);

-- The inputs a stage consumed, with whether they changed its state (true) or were refused (false).
CREATE TABLE stage_inbox (
    stage     text    NOT NULL,
    event_id  text    NOT NULL,
    applied   boolean NOT NULL,
    PRIMARY KEY (stage, event_id)
);

-- The ingest watermark each text was judged by; NULL for rows written before it existed.
ALTER TABLE documents ADD COLUMN watermark date;
ALTER TABLE firm_sentiments ADD COLUMN watermark date;
ALTER TABLE industry_sentiments ADD COLUMN watermark date;
CREATE INDEX documents_published ON documents (published_at);

-- An alert is revised when its day's value is, and retracted when the rules no longer find it.
ALTER TABLE alerts ADD COLUMN revision integer NOT NULL DEFAULT 0;
ALTER TABLE alerts ADD COLUMN status text NOT NULL DEFAULT 'active';

-- Rows stored before the inbox existed were consumed by the aggregate stage as far as anyone can tell; a restart
-- re-judges their lateness while replaying them in ingest order, as it did before.
INSERT INTO stage_inbox (stage, event_id, applied) SELECT 'aggregate', event_id, true FROM firm_sentiments ON CONFLICT DO NOTHING;
INSERT INTO stage_inbox (stage, event_id, applied) SELECT 'aggregate', event_id, true FROM industry_sentiments ON CONFLICT DO NOTHING;
