-- flyway:executeInTransaction=false
-- The trigram index of the stored search text (V037), built while customers keep being written.
CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_search_text_idx ON customers USING gin (search_text gin_trgm_ops);
