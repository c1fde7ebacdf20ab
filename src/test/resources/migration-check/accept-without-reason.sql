SET LOCAL lock_timeout = '5s';
-- migration-check: accept ban-drop-column
ALTER TABLE productos DROP COLUMN descripcion;
