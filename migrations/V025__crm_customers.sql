-- Clientes as a CRM (seed 004): tax id, second phone, address and city, status, preferred flag,
-- assigned vendedor, who created them, notes, where they came from (manual, import, order) and the
-- import that created them; a per-tenant list of interests (the table that replaced seed 004's JSON
-- field). Only nullable or constant-default columns (catalogue changes, no rewrite); their checks
-- and foreign keys are added NOT VALID (no scan under this lock) and validated by V026; the search
-- and filter indexes are built CONCURRENTLY by V027. Existing customers get status 'activo' (they
-- were made to earn lümis or buy) and source 'manual'; seed 004's empty e-mails are already NULL
-- here (the column's CHECK never allowed '').
SET LOCAL lock_timeout = '5s';

-- pg_trgm is a trusted extension: a database owner that is not a superuser may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE customers
    ADD COLUMN tax_id      text,
    ADD COLUMN phone_alt   text,
    ADD COLUMN address     text,
    ADD COLUMN city        text,
    ADD COLUMN status      text NOT NULL DEFAULT 'activo',
    ADD COLUMN preferred   boolean NOT NULL DEFAULT false,
    ADD COLUMN vendedor_id bigint,
    ADD COLUMN created_by  bigint,
    ADD COLUMN notes       text,
    ADD COLUMN source      text NOT NULL DEFAULT 'manual',
    ADD COLUMN import_id   bigint;

ALTER TABLE customers
    ADD CONSTRAINT customers_status_check CHECK (status IN ('prospecto', 'activo', 'inactivo', 'perdido')) NOT VALID,
    ADD CONSTRAINT customers_source_check CHECK (source IN ('manual', 'import', 'order')) NOT VALID,
    ADD CONSTRAINT customers_crm_lengths_check CHECK (length(tax_id) <= 30 AND length(phone_alt) <= 40 AND length(address) <= 500
        AND length(city) <= 120 AND length(notes) <= 5000) NOT VALID,
    ADD CONSTRAINT customers_vendedor_fkey FOREIGN KEY (tenant_id, vendedor_id) REFERENCES users (tenant_id, id) NOT VALID,
    ADD CONSTRAINT customers_created_by_fkey FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id) NOT VALID;

-- Accent- and case-insensitive text for search and duplicate finding ("Peña" = "pena"), in SQL so
-- that an index can hold it: translate() is immutable, unlike unaccent().
CREATE FUNCTION crm_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN
    translate(lower($1), 'áàäâãéèëêíìïîóòöôõúùüûñç', 'aaaaaeeeeiiiiooooouuuunc');

-- What the customers search looks in: one expression, indexed by V027 (trigram), used by the list.
CREATE FUNCTION customer_search_text(name text, email text, phone text, phone_alt text, tax_id text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN
    crm_fold(concat_ws(' ', name, email, phone, phone_alt, tax_id));

CREATE TABLE intereses (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    nombre      text NOT NULL CHECK (length(btrim(nombre)) BETWEEN 1 AND 80),
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX intereses_nombre_key ON intereses (tenant_id, crm_fold(nombre));

CREATE TABLE customer_intereses (
    tenant_id    uuid NOT NULL,
    customer_id  bigint NOT NULL,
    interes_id   bigint NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, customer_id, interes_id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, interes_id) REFERENCES intereses (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX customer_intereses_interes_idx ON customer_intereses (tenant_id, interes_id, customer_id);
