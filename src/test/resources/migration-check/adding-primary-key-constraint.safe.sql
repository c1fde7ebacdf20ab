SET LOCAL lock_timeout = '5s';
ALTER TABLE legacy_items ADD CONSTRAINT legacy_items_pkey PRIMARY KEY USING INDEX legacy_items_id_key;
