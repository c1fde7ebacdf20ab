CREATE TABLE marcas (id bigint PRIMARY KEY, nombre text NOT NULL, orden integer NOT NULL DEFAULT 0);
