-- flyway:executeInTransaction=false
-- The tenant's movements page reads the ledger newest first by id (keyset: id < the last one shown),
-- with no product filter: without this index PostgreSQL walks the whole table's primary key
-- backwards skipping other tenants' rows. CONCURRENTLY keeps writes flowing on a running shop, and
-- cannot run inside a transaction (see V015).
CREATE INDEX CONCURRENTLY IF NOT EXISTS stock_movimientos_tenant_id_idx ON stock_movimientos (tenant_id, id DESC);
