-- flyway:executeInTransaction=false
-- The dashboard's figures and the lists they link to read by date ranges the older indexes do not
-- cover: confirmations by confirmation time, the tenant's ledger by kind and time, ofertas by start,
-- products without a price. CONCURRENTLY builds them without blocking writes on a running shop, and
-- it cannot run inside a transaction, hence this file of its own, outside one (Migrations turns off
-- Flyway's transactional lock, which the build would otherwise wait on forever).
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_redemptions_validated
    ON rewards.user_redemptions (tenant_id, validated_at) WHERE validated_at IS NOT NULL;
CREATE INDEX CONCURRENTLY IF NOT EXISTS fact_accumulations_kind_created_idx
    ON fact_accumulations (tenant_id, kind, created_at) INCLUDE (amount);
CREATE INDEX CONCURRENTLY IF NOT EXISTS ofertas_desde_idx ON ofertas (tenant_id, desde) WHERE activa;
CREATE INDEX CONCURRENTLY IF NOT EXISTS productos_sin_precio_idx ON productos (tenant_id, lower(nombre), id) WHERE precio = 0;
