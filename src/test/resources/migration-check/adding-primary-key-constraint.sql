SET LOCAL lock_timeout = '5s';
ALTER TABLE legacy_items ADD PRIMARY KEY (id);
