-- A customer's edits, for the timeline on its page: who changed which fields when (the values
-- themselves stay on the customer; this says that and by whom). A new, empty table: no lock on
-- customers beyond the foreign keys' brief SHARE ROW EXCLUSIVE.
SET LOCAL lock_timeout = '5s';

CREATE TABLE customer_changes (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    uuid NOT NULL,
    customer_id  bigint NOT NULL,
    user_id      bigint,
    fields       text[] NOT NULL CHECK (cardinality(fields) BETWEEN 1 AND 30),
    created_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX customer_changes_customer_idx ON customer_changes (tenant_id, customer_id, id DESC);
