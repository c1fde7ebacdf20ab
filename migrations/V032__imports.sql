-- Imports of customers and products (issue 14, seed 004's CustomerImportAudit and its products twin).
-- An import is a row with states: uploaded → validating → validated → importing → done (or failed,
-- undone). The file itself is kept (bytea, with its SHA-256) so a dry run, a commit resumed after a
-- restart and the audit all read the same bytes. The dry run writes one import_rows row per data
-- line (class new / update / unchanged / error, the reason and field, the values it will write);
-- the commit applies them by batches and moves imports.committed_line in the batch's transaction,
-- which is what a resumed commit starts after. New tables only, plus a NOT VALID foreign key
-- (no scan under this lock; V033 validates it) and V034's index built CONCURRENTLY.
SET LOCAL lock_timeout = '5s';

CREATE TABLE imports (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       uuid NOT NULL REFERENCES tenants (id),
    kind            text NOT NULL CHECK (kind IN ('customers', 'products')),
    state           text NOT NULL DEFAULT 'uploaded'
                    CHECK (state IN ('uploaded', 'validating', 'validated', 'importing', 'done', 'failed', 'undone')),
    file_name       text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    file_sha256     text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    file_size       bigint NOT NULL CHECK (file_size >= 0),
    encoding        text NOT NULL,
    separator       text NOT NULL,
    header_line     integer NOT NULL DEFAULT 1 CHECK (header_line >= 1),
    mapping         jsonb NOT NULL DEFAULT '{}',
    match_key       text,
    mode            text CHECK (mode IN ('create', 'update', 'both')),
    total_rows      integer NOT NULL DEFAULT 0,
    count_new       integer NOT NULL DEFAULT 0,
    count_update    integer NOT NULL DEFAULT 0,
    count_unchanged integer NOT NULL DEFAULT 0,
    count_error     integer NOT NULL DEFAULT 0,
    validated_rows  integer NOT NULL DEFAULT 0,
    committed_line  integer NOT NULL DEFAULT 0,
    committed_rows  integer NOT NULL DEFAULT 0,
    created_rows    integer NOT NULL DEFAULT 0,
    updated_rows    integer NOT NULL DEFAULT 0,
    skipped_rows    integer NOT NULL DEFAULT 0,
    undone_rows     integer NOT NULL DEFAULT 0,
    kept_rows       integer NOT NULL DEFAULT 0,
    failure         text CHECK (length(failure) <= 2000),
    created_by      bigint,
    committed_by    bigint,
    undone_by       bigint,
    created_at      timestamptz NOT NULL DEFAULT now(),
    validated_at    timestamptz,
    started_at      timestamptz,
    finished_at     timestamptz,
    undone_at       timestamptz,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, committed_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, undone_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX imports_tenant_idx ON imports (tenant_id, id DESC);
-- The worker's look-up of work left to do (small: only imports in flight).
CREATE INDEX imports_in_flight_idx ON imports (id) WHERE state IN ('validating', 'importing');

CREATE TABLE import_files (
    tenant_id  uuid NOT NULL,
    import_id  bigint PRIMARY KEY,
    bytes      bytea NOT NULL,
    FOREIGN KEY (tenant_id, import_id) REFERENCES imports (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE import_rows (
    tenant_id  uuid NOT NULL,
    import_id  bigint NOT NULL,
    line       integer NOT NULL,
    class      text NOT NULL CHECK (class IN ('new', 'update', 'unchanged', 'error')),
    field      text,
    reason     text,
    raw        jsonb,
    data       jsonb,
    applied    text CHECK (applied IN ('created', 'updated', 'unchanged', 'skipped', 'error', 'undone', 'kept')),
    target_id  bigint,
    PRIMARY KEY (import_id, line),
    FOREIGN KEY (tenant_id, import_id) REFERENCES imports (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX import_rows_errors_idx ON import_rows (import_id, line) WHERE class = 'error';
-- "Imports that touched this customer / product".
CREATE INDEX import_rows_target_idx ON import_rows (tenant_id, target_id) WHERE target_id IS NOT NULL;

-- The tenant's last mapping per kind: suggested first next time (header text → field).
CREATE TABLE import_mappings (
    tenant_id  uuid NOT NULL REFERENCES tenants (id),
    kind       text NOT NULL CHECK (kind IN ('customers', 'products')),
    mapping    jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, kind)
);

ALTER TABLE customers
    ADD CONSTRAINT customers_import_fkey FOREIGN KEY (tenant_id, import_id) REFERENCES imports (tenant_id, id) NOT VALID;
