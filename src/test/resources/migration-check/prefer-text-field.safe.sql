CREATE TABLE marcas (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, nombre text NOT NULL CHECK (length(nombre) <= 100));
