SET LOCAL lock_timeout = '5s';
ALTER TABLE productos ALTER COLUMN nombre DROP NOT NULL;
