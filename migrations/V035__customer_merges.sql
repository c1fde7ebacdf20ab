-- Duplicates and merge (issue 14, part 4): the keys duplicates are grouped by (their indexes are
-- built CONCURRENTLY by V036), the merge log, and the one change of the lümis ledger a merge needs.
-- New table, new functions, one trigger: catalogue changes only, a brief lock on fact_accumulations.
SET LOCAL lock_timeout = '5s';

-- What "the same e-mail" means for duplicates: trimmed, lower case, without a "+tag" in the local
-- part ("Ana+promo@X.cl" = "ana@x.cl"; the unique index already refuses two plain spellings).
CREATE FUNCTION crm_email_key(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN
    nullif(regexp_replace(lower(btrim($1)), '\+[^@]*@', '@'), '');

-- The same phone: its last 8 digits ("+56 9 8765 4321" = "987654321" = "8765-4321"); fewer than 8
-- digits say too little to call two customers the same.
CREATE FUNCTION crm_phone_key(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN
    CASE WHEN length(regexp_replace($1, '\D', '', 'g')) >= 8 THEN right(regexp_replace($1, '\D', '', 'g'), 8) END;

-- The same tax id: letters and digits only, upper case ("12.345.678-k" = "12345678K").
CREATE FUNCTION crm_tax_key(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN
    nullif(upper(regexp_replace($1, '[^0-9A-Za-z]', '', 'g')), '');

-- One row per merge. winner_id follows later merges (the merge moves every row that points to a
-- loser, this table's too), so a loser's old URL and a late order always find the customer that
-- holds its rows now; first_winner_id keeps whom it was merged into that day.
CREATE TABLE customer_merges (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    winner_id        bigint NOT NULL,
    first_winner_id  bigint NOT NULL,
    loser_id         bigint NOT NULL,
    loser            jsonb NOT NULL,
    moved            jsonb NOT NULL,
    merged_by        bigint,
    merged_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, loser_id),
    FOREIGN KEY (tenant_id, winner_id) REFERENCES customers (tenant_id, id),
    FOREIGN KEY (tenant_id, merged_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX customer_merges_winner_idx ON customer_merges (tenant_id, winner_id);
CREATE INDEX customer_merges_time_idx ON customer_merges (tenant_id, merged_at DESC);

-- The ledger stays append-only, with one exception: inside a merge (a transaction-local setting
-- the merge sets) a row may change its customer and nothing else. Its amount, kind, reason, date
-- and links stay as written, so the winner's ledger tells the loser's history too; appending
-- correcting rows instead would leave the loser's rows pointing at a customer that must go.
CREATE OR REPLACE FUNCTION forbid_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('mostrador.customer_merge', true) = 'on'
       AND (to_jsonb(NEW) - 'customer_id') = (to_jsonb(OLD) - 'customer_id') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'fact_accumulations is append-only: add a correcting row instead';
END $$;

-- A ledger row that changes customer moves its amount with it, as an appended row does: netted per
-- customer over the statement, so the loser goes to its final balance (0) in one step and the
-- CHECK (lumis_balance >= 0) never sees a half-moved ledger.
CREATE FUNCTION move_ledger_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE customers c SET lumis_balance = c.lumis_balance + d.delta, updated_at = now()
      FROM (SELECT tenant_id, customer_id, sum(amount) AS delta
              FROM (SELECT tenant_id, customer_id, -amount AS amount FROM viejos
                    UNION ALL
                    SELECT tenant_id, customer_id, amount FROM nuevos) m
             GROUP BY 1, 2 HAVING sum(amount) <> 0) d
     WHERE c.tenant_id = d.tenant_id AND c.id = d.customer_id;
    RETURN NULL;
END $$;
CREATE TRIGGER trg_move_ledger_rows AFTER UPDATE ON fact_accumulations REFERENCING OLD TABLE AS viejos NEW TABLE AS nuevos
    FOR EACH STATEMENT EXECUTE FUNCTION move_ledger_rows();
