SET LOCAL lock_timeout = '5s';
ALTER TABLE legacy_items ADD COLUMN id bigserial PRIMARY KEY;
