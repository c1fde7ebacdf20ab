-- The orders list's totals (count and sum of `total` of a filtered set), exact and live without
-- counting the set: every statement that writes pedidos appends what it changed, per tenant, UTC
-- hour and estado, to an append-only log (pedidos_totales_delta); a job folds the log into
-- pedidos_totales every 10 s (orders.OrderTotalsJob), which also backfills the orders that existed
-- before these triggers. A reader sums the rollup's cells plus the log still unfolded, in one
-- statement, so it sees each change exactly once. New tables only; creating the triggers takes a
-- brief SHARE ROW EXCLUSIVE lock on pedidos (writes wait, reads go on), hence the lock timeout.
SET LOCAL lock_timeout = '5s';

-- Appended by many transactions at once and never updated: placements never queue on a shared
-- counter row. No foreign keys: the rows are derived from pedidos, which has them.
CREATE TABLE pedidos_totales_delta (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id  uuid NOT NULL,
    hora       timestamptz NOT NULL,  -- date_trunc('hour', pedido.created_at, 'UTC')
    estado     text NOT NULL,
    n          bigint NOT NULL,
    total      numeric NOT NULL
);
CREATE INDEX pedidos_totales_delta_idx ON pedidos_totales_delta (tenant_id, estado, hora);

-- The folded log, at three grains (UTC hour, day and month cells, each the sum of its orders): a
-- range is read as whole months in the middle, whole days and hours at its ends, so a year's total
-- sums tens of rows instead of 8,760 hours.
CREATE TABLE pedidos_totales (
    tenant_id  uuid NOT NULL,
    unidad     text NOT NULL CHECK (unidad IN ('hour', 'day', 'month')),
    desde      timestamptz NOT NULL,  -- the cell's start, date_trunc(unidad, created_at, 'UTC')
    estado     text NOT NULL,
    n          bigint NOT NULL,
    total      numeric NOT NULL,
    PRIMARY KEY (tenant_id, unidad, desde, estado)
);

-- One row: when the orders older than the triggers were backfilled (NULL: not yet, so readers
-- count pedidos directly).
CREATE TABLE pedidos_totales_estado (
    unica          boolean PRIMARY KEY DEFAULT true CHECK (unica),
    backfilled_at  timestamptz
);

-- Statement-level with transition tables: a statement of a million rows (the sales seed) appends
-- one row per tenant, hour and estado, not a million.
CREATE FUNCTION pedidos_totales_insertados() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO public.pedidos_totales_delta (tenant_id, hora, estado, n, total)
    SELECT tenant_id, date_trunc('hour', created_at, 'UTC'), estado, count(*), sum(total)
      FROM nuevos GROUP BY 1, 2, 3;
    RETURN NULL;
END $$;

-- Every old row out, every new row in, netted per cell: rows whose estado, total and created_at
-- did not change cancel out and write nothing (an UPDATE trigger with transition tables cannot
-- have a column list, so the filter is here).
CREATE FUNCTION pedidos_totales_actualizados() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO public.pedidos_totales_delta (tenant_id, hora, estado, n, total)
    SELECT tenant_id, hora, estado, sum(n), sum(total)
      FROM (SELECT tenant_id, date_trunc('hour', created_at, 'UTC') AS hora, estado, -1 AS n, -total AS total FROM viejos
            UNION ALL
            SELECT tenant_id, date_trunc('hour', created_at, 'UTC'), estado, 1, total FROM nuevos) c
     GROUP BY 1, 2, 3
    HAVING sum(n) <> 0 OR sum(total) <> 0;
    RETURN NULL;
END $$;

CREATE FUNCTION pedidos_totales_borrados() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO public.pedidos_totales_delta (tenant_id, hora, estado, n, total)
    SELECT tenant_id, date_trunc('hour', created_at, 'UTC'), estado, -count(*), -sum(total)
      FROM viejos GROUP BY 1, 2, 3;
    RETURN NULL;
END $$;

-- TRUNCATE empties the whole table under an exclusive lock: the totals become zero. The job's lock
-- first, so no fold is half-way.
CREATE FUNCTION pedidos_totales_vaciados() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('mostrador.pedidos_totales', 0));
    DELETE FROM public.pedidos_totales;
    DELETE FROM public.pedidos_totales_delta;
    RETURN NULL;
END $$;

CREATE TRIGGER pedidos_totales_insert AFTER INSERT ON pedidos REFERENCING NEW TABLE AS nuevos
    FOR EACH STATEMENT EXECUTE FUNCTION pedidos_totales_insertados();
CREATE TRIGGER pedidos_totales_update AFTER UPDATE ON pedidos REFERENCING OLD TABLE AS viejos NEW TABLE AS nuevos
    FOR EACH STATEMENT EXECUTE FUNCTION pedidos_totales_actualizados();
CREATE TRIGGER pedidos_totales_delete AFTER DELETE ON pedidos REFERENCING OLD TABLE AS viejos
    FOR EACH STATEMENT EXECUTE FUNCTION pedidos_totales_borrados();
CREATE TRIGGER pedidos_totales_truncate AFTER TRUNCATE ON pedidos
    FOR EACH STATEMENT EXECUTE FUNCTION pedidos_totales_vaciados();

-- With no order yet there is nothing to backfill: the triggers' lock above has let every earlier
-- writer of pedidos finish, and every later one fires them.
INSERT INTO pedidos_totales_estado (backfilled_at)
SELECT CASE WHEN EXISTS (SELECT 1 FROM pedidos) THEN NULL ELSE now() END;
