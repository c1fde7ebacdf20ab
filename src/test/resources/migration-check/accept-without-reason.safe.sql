SET LOCAL lock_timeout = '5s';
-- migration-check: accept ban-drop-column because no release reads descripcion since 2.3
ALTER TABLE productos DROP COLUMN descripcion;
