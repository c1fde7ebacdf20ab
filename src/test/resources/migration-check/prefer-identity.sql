CREATE TABLE marcas (id bigserial PRIMARY KEY, nombre text NOT NULL);
