SET LOCAL lock_timeout = '5s';
BEGIN;
ALTER TABLE productos ADD COLUMN nota text;
COMMIT;
