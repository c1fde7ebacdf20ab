SET LOCAL lock_timeout = '5s';
ALTER TABLE productos ADD COLUMN token uuid DEFAULT gen_random_uuid();
