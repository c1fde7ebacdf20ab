SET LOCAL lock_timeout = '5s';
ALTER TABLE productos ADD COLUMN nota text;
