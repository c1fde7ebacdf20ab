CREATE TABLE paises (codigo text PRIMARY KEY CHECK (length(codigo) = 2), nombre text NOT NULL);
