SET LOCAL lock_timeout = '5s';
ALTER TABLE productos ADD COLUMN marca text NOT NULL DEFAULT 'sin marca';
