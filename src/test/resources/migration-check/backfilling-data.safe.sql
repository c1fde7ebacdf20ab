SET LOCAL lock_timeout = '5s';
CREATE TABLE marcas (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, nombre text NOT NULL);
INSERT INTO marcas (nombre) VALUES ('Sin marca');
