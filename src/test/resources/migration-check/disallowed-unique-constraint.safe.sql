SET LOCAL lock_timeout = '5s';
ALTER TABLE productos ADD CONSTRAINT productos_sku_key UNIQUE USING INDEX productos_sku_idx;
