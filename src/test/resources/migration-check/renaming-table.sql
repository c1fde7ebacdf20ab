SET LOCAL lock_timeout = '5s';
ALTER TABLE productos RENAME TO articulos;
