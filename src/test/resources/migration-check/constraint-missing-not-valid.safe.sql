SET LOCAL lock_timeout = '5s';
ALTER TABLE productos ADD CONSTRAINT productos_precio_max CHECK (precio < 100000000) NOT VALID;
ALTER TABLE productos VALIDATE CONSTRAINT productos_precio_max;
