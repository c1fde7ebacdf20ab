SET LOCAL lock_timeout = '5s';
ALTER TABLE reservas ADD CONSTRAINT reservas_no_overlap EXCLUDE USING gist (producto_id WITH =, periodo WITH &&);
