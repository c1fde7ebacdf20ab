SET LOCAL lock_timeout = '5s';
DROP INDEX productos_nombre_idx;
