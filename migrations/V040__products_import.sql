-- Products imports (issue 14): a product created by an import remembers it, as customers do
-- (V032's customers.import_id), for the import's audit and its undo. Its initial stock needs no
-- change here: V016's ledger already accepts an 'entrada' whose document is an 'importacion'.
-- A nullable column without a default is a catalogue change (no rewrite); the foreign key is added
-- NOT VALID (no scan under this lock) and V041 validates it.
SET LOCAL lock_timeout = '5s';

ALTER TABLE productos ADD COLUMN import_id bigint;
ALTER TABLE productos
    ADD CONSTRAINT productos_import_fkey FOREIGN KEY (tenant_id, import_id) REFERENCES imports (tenant_id, id) NOT VALID;
