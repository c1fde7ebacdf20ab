SET LOCAL lock_timeout = '5s';
CREATE INDEX productos_precio_idx ON productos (tenant_id, precio);
