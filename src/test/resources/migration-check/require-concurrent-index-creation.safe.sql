-- flyway:executeInTransaction=false
CREATE INDEX CONCURRENTLY IF NOT EXISTS productos_precio_idx ON productos (tenant_id, precio);
