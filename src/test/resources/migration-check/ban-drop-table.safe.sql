SET LOCAL lock_timeout = '5s';
CREATE TABLE borrador (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
DROP TABLE borrador;
