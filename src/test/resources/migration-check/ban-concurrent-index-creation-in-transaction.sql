SET LOCAL lock_timeout = '5s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS productos_precio_idx ON productos (tenant_id, precio);
