-- flyway:executeInTransaction=false
-- The duplicates page groups customers by normalised keys (V035) inside a tenant; each key gets
-- a partial expression index so a group is an index range, not a scan of 500,000 customers.
-- Similar names are looked up by trigram in the same city. CONCURRENTLY: customers keep being
-- written while they build (it cannot run in a transaction, see V015).
CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_dup_email_idx ON customers (tenant_id, crm_email_key(email), id)
    WHERE email IS NOT NULL;
CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_dup_phone_idx ON customers (tenant_id, crm_phone_key(phone), id)
    WHERE crm_phone_key(phone) IS NOT NULL;
CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_dup_phone_alt_idx ON customers (tenant_id, crm_phone_key(phone_alt), id)
    WHERE crm_phone_key(phone_alt) IS NOT NULL;
CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_dup_tax_idx ON customers (tenant_id, crm_tax_key(tax_id), id)
    WHERE crm_tax_key(tax_id) IS NOT NULL;
CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_dup_name_idx ON customers USING gin (crm_fold(name) gin_trgm_ops)
    WHERE city IS NOT NULL;
