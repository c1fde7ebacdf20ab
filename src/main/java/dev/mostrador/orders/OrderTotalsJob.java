package dev.mostrador.orders;

import dev.mostrador.platform.db.Jdbc;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Folds the orders' totals log (pedidos_totales_delta, appended by V022's triggers) into the rollup
 * (pedidos_totales), or, the first time, backfills the rollup from the orders themselves. One
 * transaction under an advisory lock, so of several instances one works and the others skip a turn;
 * readers see the log's rows either still in the log or already in the rollup, never both.
 */
public final class OrderTotalsJob {
    /** What a run did: nothing (another instance held the lock), a backfill, or a fold of this many log rows. */
    public record Run(boolean ran, boolean backfilled, long folded) {}

    private static final Logger log = LoggerFactory.getLogger(OrderTotalsJob.class);
    private final DSLContext dsl;

    public OrderTotalsJob(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Run run() {
        Run run = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            // Read committed: each statement below takes its snapshot after the lock is ours, so it
            // sees everything the previous holder committed.
            if (!Jdbc.list(tx, "SELECT pg_try_advisory_xact_lock(" + LOCK + ")", r -> r.getBoolean(1)).get(0)) return new Run(false, false, 0);
            boolean backfilled = Jdbc.list(tx, "SELECT backfilled_at IS NOT NULL FROM public.pedidos_totales_estado", r -> r.getBoolean(1))
                    .stream().findFirst().orElse(false);
            if (!backfilled) {
                backfill(tx);
                return new Run(true, true, 0);
            }
            return new Run(true, false, fold(tx));
        });
        // A reader's index scan steps over every folded (deleted) row until a vacuum removes it: after
        // the benchmark's seed, 26,000 of them cost its first reader 2.3 ms, and autovacuum may be a
        // minute away. VACUUM runs outside a transaction; SKIP_LOCKED leaves it to an instance at it.
        if (run.backfilled() || run.folded() >= VACUUM_AFTER) {
            try {
                dsl.execute("VACUUM (SKIP_LOCKED, ANALYZE) public.pedidos_totales_delta" + (run.backfilled() ? ", public.pedidos_totales" : ""));
            } catch (DataAccessException e) {
                log.warn("could not vacuum the orders' totals log (autovacuum will): {}", e.getMessage());
            }
        }
        return run;
    }

    /** Folded log rows worth a vacuum of the log right away. */
    static final int VACUUM_AFTER = 1_000;

    /**
     * The rollup becomes the orders' state as of the snapshot S of one statement, which also deletes
     * the log rows S sees. Exact without stopping writers: a transaction S sees is in that state and
     * its log rows are gone; one S does not see (in progress, or committed after S) is not in the
     * state and its log rows, written in the same transaction as its change, stay to be added; the
     * orders older than the triggers have no log rows and are in the state. Nothing else writes the
     * rollup or deletes log rows without this lock. Reads pedidos only (no lock beyond a scan's).
     */
    private static void backfill(DSLContext tx) {
        Jdbc.execute(tx, "DELETE FROM public.pedidos_totales");
        Jdbc.execute(tx, "WITH gone AS (DELETE FROM public.pedidos_totales_delta), "
                + "h AS (SELECT tenant_id, date_trunc('hour', created_at, 'UTC') AS hora, estado, count(*) AS n, sum(total) AS total "
                + "FROM public.pedidos GROUP BY 1, 2, 3) " + INTO_CELLS);
        Jdbc.execute(tx, "INSERT INTO public.pedidos_totales_estado (unica, backfilled_at) VALUES (true, now()) "
                + "ON CONFLICT (unica) DO UPDATE SET backfilled_at = EXCLUDED.backfilled_at");
    }

    /** Moves every log row this statement sees into its hour, day and month cells; returns how many rows. */
    private static long fold(DSLContext tx) {
        List<Object[]> zeros = new ArrayList<>();
        long[] folded = {0};
        Jdbc.list(tx, "WITH h AS (DELETE FROM public.pedidos_totales_delta RETURNING tenant_id, hora, estado, n, total), "
                + "up AS (" + INTO_CELLS + " ON CONFLICT (tenant_id, unidad, desde, estado) DO UPDATE "
                + "SET n = pedidos_totales.n + EXCLUDED.n, total = pedidos_totales.total + EXCLUDED.total "
                + "RETURNING tenant_id, unidad, desde, estado, n, total) "
                + "SELECT (SELECT count(*) FROM h), z.tenant_id, z.unidad, z.desde::text, z.estado "
                + "FROM (SELECT 1) one LEFT JOIN up z ON z.n = 0 AND z.total = 0", r -> {
                    folded[0] = r.getLong(1);
                    if (r.getString(3) != null) zeros.add(new Object[]{r.getObject(2, UUID.class), r.getString(3), r.getString(4), r.getString(5)});
                    return null;
                });
        // Cells back to nothing (every order of an hour moved on from confirmado) say nothing: gone.
        if (!zeros.isEmpty()) {
            Jdbc.execute(tx, "DELETE FROM public.pedidos_totales WHERE (tenant_id, unidad, desde, estado) IN "
                    + "(SELECT t, u, d::timestamptz, e FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) k (t, u, d, e)) AND n = 0 AND total = 0",
                    column(zeros, 0, "uuid"), column(zeros, 1, "text"), column(zeros, 2, "text"), column(zeros, 3, "text"));
        }
        return folded[0];
    }

    private static Jdbc.SqlArray column(List<Object[]> rows, int i, String type) {
        return Jdbc.array(type, rows.stream().map(r -> r[i]).toArray());
    }

    /** The key of the job's advisory lock (V022's TRUNCATE trigger takes it too). */
    static final String LOCK = "hashtextextended('mostrador.pedidos_totales', 0)";

    /** Hour cells {@code h} (tenant_id, hora, estado, n, total) summed into the rollup at the three grains. */
    private static final String INTO_CELLS = "INSERT INTO public.pedidos_totales (tenant_id, unidad, desde, estado, n, total) "
            + "SELECT h.tenant_id, u.unidad, date_trunc(u.unidad, h.hora, 'UTC'), h.estado, sum(h.n), sum(h.total) "
            + "FROM h CROSS JOIN (VALUES ('hour'), ('day'), ('month')) u (unidad) GROUP BY 1, 2, 3, 4";
}
