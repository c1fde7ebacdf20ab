SET LOCAL lock_timeout = '5s';
-- A CHECK added NOT VALID but never validated does not spare the scan.
ALTER TABLE productos ADD CONSTRAINT productos_sku_nn CHECK (sku IS NOT NULL) NOT VALID;
ALTER TABLE productos ALTER COLUMN sku SET NOT NULL;
