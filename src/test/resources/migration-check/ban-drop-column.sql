SET LOCAL lock_timeout = '5s';
ALTER TABLE productos DROP COLUMN descripcion;
