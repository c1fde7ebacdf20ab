SET LOCAL lock_timeout = '5s';
UPDATE productos SET descripcion = '' WHERE descripcion IS NULL;
