SET LOCAL lock_timeout = '5s';
ALTER TABLE productos ADD COLUMN precio_nuevo numeric(16, 2);
