CREATE TABLE marcas (id integer PRIMARY KEY, nombre text NOT NULL);
