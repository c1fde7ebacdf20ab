-- Visitas (seed 004's ClientVisit): a vendedor's planned call on a customer and what came of it.
-- A new table only: creating it and its indexes locks nothing that holds rows; its foreign keys take a
-- brief SHARE ROW EXCLUSIVE lock on customers and users (no scan of them), bounded by lock_timeout.
-- The outcome is NULL exactly while the visit is planned, and done_at is set exactly when it is done.
SET LOCAL lock_timeout = '5s';

CREATE TABLE visitas (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id          uuid NOT NULL REFERENCES tenants (id),
    customer_id        bigint NOT NULL,
    vendedor_id        bigint NOT NULL,
    planned_at         timestamptz NOT NULL,
    status             text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done')),
    outcome            text CHECK (outcome IN ('venta', 'sin_venta', 'no_estaba', 'reprogramar')),
    notes              text CHECK (length(notes) <= 5000),
    next_action        text CHECK (length(next_action) <= 500),
    next_action_date   date,
    created_by         bigint NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    done_at            timestamptz,
    UNIQUE (tenant_id, id),
    CHECK ((status = 'planned') = (outcome IS NULL)),
    CHECK ((status = 'done') = (done_at IS NOT NULL)),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id),
    FOREIGN KEY (tenant_id, vendedor_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id)
);
-- A vendedor's day (/visitas/hoy, the day and week views filtered by vendedor) and the summary per vendedor.
CREATE INDEX visitas_vendedor_dia_idx ON visitas (tenant_id, vendedor_id, planned_at);
-- Everyone's day and week (admin and oficina without a vendedor filter).
CREATE INDEX visitas_dia_idx ON visitas (tenant_id, planned_at);
-- A customer's last visits (the customer page, the last outcome on the day's list).
CREATE INDEX visitas_cliente_idx ON visitas (tenant_id, customer_id, planned_at DESC);
