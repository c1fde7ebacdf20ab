SET LOCAL lock_timeout = '5s';
ALTER TABLE productos ADD CONSTRAINT productos_sku_nn CHECK (sku IS NOT NULL) NOT VALID;
ALTER TABLE productos VALIDATE CONSTRAINT productos_sku_nn;
ALTER TABLE productos ALTER COLUMN sku SET NOT NULL;
