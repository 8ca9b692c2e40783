-- StreamRisk store, version 3: the input journal.

-- Each input is identified by its content (SHA-256 of topic, key and bytes), so a re-run over the same input
-- recognises what it already took in and numbers the rest after it. NULL for inputs stored before version 3.
ALTER TABLE raw_inputs ADD COLUMN content_hash text;
CREATE UNIQUE INDEX raw_inputs_content_hash ON raw_inputs (content_hash) WHERE content_hash IS NOT NULL;

-- Per input topic, the last input seq whose processing every stage finished.
CREATE TABLE input_checkpoints (
    topic  text   PRIMARY KEY,
    seq    bigint NOT NULL
);

-- A store from before the journal counts as finished (documents under docs.v1, by ingest seq); otherwise the first
-- run over it would publish its whole history again (harmless, idempotent, but slow).
INSERT INTO input_checkpoints (topic, seq) SELECT topic, MAX(seq) FROM raw_inputs GROUP BY topic;
INSERT INTO input_checkpoints (topic, seq) SELECT 'docs.v1', MAX(ingest_seq) FROM documents HAVING COUNT(*) > 0;
