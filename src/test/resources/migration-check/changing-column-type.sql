SET LOCAL lock_timeout = '5s';
ALTER TABLE productos ALTER COLUMN precio TYPE numeric(16, 2);
