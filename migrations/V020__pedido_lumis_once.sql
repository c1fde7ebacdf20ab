-- flyway:executeInTransaction=false
-- Exactly once: an order earns its lümis once (kind earn) and gives them back once (kind adjust),
-- whoever delivers or returns it and however often. Built CONCURRENTLY: the ledger is a big table
-- that keeps taking rows while it builds (hence outside a transaction, like V015).
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS fact_accumulations_pedido_kind_key
    ON fact_accumulations (tenant_id, pedido_id, kind) WHERE pedido_id IS NOT NULL;
