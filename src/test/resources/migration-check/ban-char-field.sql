CREATE TABLE paises (codigo char(2) PRIMARY KEY, nombre text NOT NULL);
