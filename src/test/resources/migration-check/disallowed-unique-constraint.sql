SET LOCAL lock_timeout = '5s';
ALTER TABLE productos ADD CONSTRAINT productos_sku_key UNIQUE (tenant_id, sku);
