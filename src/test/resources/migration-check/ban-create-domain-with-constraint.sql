CREATE DOMAIN rut AS text CHECK (VALUE ~ '^[0-9]+[0-9K]$');
