-- flyway:executeInTransaction=false
-- The customers search (a part of a name, e-mail, phone or tax id, accents and case ignored) as a
-- trigram index, so "%pena%" is an index scan on 500,000 customers. CONCURRENTLY: customers keep
-- being written while it builds (and it cannot run in a transaction, see V015).
CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_search_idx ON customers
    USING gin (customer_search_text(name, email, phone, phone_alt, tax_id) gin_trgm_ops);
