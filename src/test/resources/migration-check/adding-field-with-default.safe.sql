SET LOCAL lock_timeout = '5s';
ALTER TABLE productos ADD COLUMN revisado_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE productos ADD COLUMN token uuid;
