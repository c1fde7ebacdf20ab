-- V040's foreign key from products to their import, validated apart (SHARE UPDATE EXCLUSIVE:
-- reads and writes of productos go on during the scan; V040's stronger lock is long released).
-- No index on productos.import_id: the products an import created are found through its
-- import_rows (applied = 'created', target_id), and imports are not deleted.
SET LOCAL lock_timeout = '5s';

ALTER TABLE productos VALIDATE CONSTRAINT productos_import_fkey;
