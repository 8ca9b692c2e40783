-- What sentiment.industry.v1 says about where a score came from (model is kept since version 1): the prompt version,
-- why the built-in scorer took over from a configured LLM, and the topic -> industry paths with each topic's
-- contribution (topic_id, similarity, sentiment, affects_weight, contribution). NULL in rows stored before version 7,
-- which read back as events without them.
ALTER TABLE industry_sentiments
    ADD COLUMN prompt_version text,
    ADD COLUMN fallback       text,
    ADD COLUMN paths          jsonb;
