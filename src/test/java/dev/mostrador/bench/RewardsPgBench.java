package dev.mostrador.bench;

import org.jooq.DSLContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The rewards benchmark's pgbench side: the SQL the merchant look-up and the confirmation run,
 * without the app, on the same database in the same run, and the comparison table.
 *
 * <ul>
 *   <li>Look-up: the app's SELECT by redemption_code (the merchant's columns, the offer joined)
 *       of a random pending code. SELECT only: the app also queues one "validated" audit row per
 *       look-up, written by a background thread in multi-row INSERTs every few milliseconds
 *       without waiting for the WAL flush; pgbench writes nothing, so the app does more work.</li>
 *   <li>Confirm: the app's confirming statement (actor settings for the audit trigger, the
 *       conditional UPDATE pending → confirmed with the merchant check, the answer's row), in a
 *       durable commit of its own, firing the real triggers (audit INSERT, merchant stats UPDATE).
 *       Each client confirms its own codes, of its own merchants, one distinct pending code per
 *       transaction, from a pool built from the codes left pending after the app's rows (topped
 *       up with new pending redemptions when too few are left); the pool is read by a primary
 *       key within the statement.</li>
 * </ul>
 */
final class RewardsPgBench {
    /** Pool keys: client_id * STRIDE + the client's k-th transaction. */
    private static final long STRIDE = 10_000_000L;
    /** The most confirmations a second the pool is sized for (more: the run says it ran out). */
    private static final int MAX_TPS = BenchSetup.intEnv("BENCH_PGBENCH_MAX_TPS", 12_000);
    private static final String COLUMNS = "SELECT r.redemption_id, r.tenant_id, r.user_id, NULL AS customer_name, r.offer_id, "
            + "o.name_friendly AS offer_name, o.merchant_id AS offer_merchant_id, NULL AS offer_merchant_name, r.lumis_spent, "
            + "r.redemption_code, r.redemption_status, r.validated_by_merchant_id, NULL AS validator_name, r.validated_at, "
            + "r.code_expires_at, r.created_at, r.qr_landing_url, r.qr_image_url ";
    private static final String OFFER = " JOIN rewards.redemption_offers o ON o.tenant_id = r.tenant_id AND o.offer_id = r.offer_id";

    private final PgBench pgbench;
    private final DSLContext dsl;
    private final UUID tenant;
    private final int clients;
    private final int threads;
    private final Duration warmup;
    private final Duration duration;
    private final long databasePid;
    private final List<String> cpu = new ArrayList<>();

    /** @param warmup pgbench's warm-up before {@code duration} (the app's confirmations, after the other rows, warm up 5 s) */
    RewardsPgBench(PgBench pgbench, DSLContext dsl, UUID tenant, int clients, int threads, Duration warmup, Duration duration, long databasePid) {
        this.pgbench = pgbench;
        this.dsl = dsl;
        this.tenant = tenant;
        this.clients = clients;
        this.threads = threads;
        this.warmup = warmup;
        this.duration = duration;
        this.databasePid = databasePid;
    }

    List<String> cpu() {
        return cpu;
    }

    PgBench.Run lookUp() {
        dsl.execute("CREATE SCHEMA IF NOT EXISTS bench_pgbench");
        dsl.execute("DROP TABLE IF EXISTS bench_pgbench.lookup_codes");
        dsl.execute("CREATE TABLE bench_pgbench.lookup_codes AS SELECT row_number() OVER ()::int AS n, redemption_code AS code "
                + "FROM rewards.user_redemptions WHERE tenant_id = '" + tenant + "' AND redemption_status = 'pending' LIMIT 100000");
        dsl.execute("ALTER TABLE bench_pgbench.lookup_codes ADD PRIMARY KEY (n)");
        dsl.execute("ANALYZE bench_pgbench.lookup_codes");
        int size = dsl.fetchOne("SELECT count(*)::int FROM bench_pgbench.lookup_codes").get(0, Integer.class);
        String script = "\\set n random(1, " + size + ")\n"
                + COLUMNS + "FROM rewards.user_redemptions r" + OFFER
                + " WHERE r.redemption_code = (SELECT code FROM bench_pgbench.lookup_codes WHERE n = :n);\n";
        return measured("pgbench: code look-up (SELECT by code)", script, Map.of());
    }

    PgBench.Run confirm() {
        int perClient = (int) Math.ceil((double) MAX_TPS * (warmup.toSeconds() + duration.toSeconds()) / clients);
        int left = buildConfirmPool();
        if (left < perClient) {
            long rows = (long) (perClient - left) * clients * 12 / 10 + 1000;
            long t0 = System.nanoTime();
            // New pending redemptions with new codes, copies of the table's first rows (offer, customer, lümis).
            dsl.execute("INSERT INTO rewards.user_redemptions (tenant_id, user_id, offer_id, lumis_spent, redemption_code, "
                    + "redemption_status, code_expires_at) "
                    + "SELECT r.tenant_id, r.user_id, r.offer_id, r.lumis_spent, 'PGB' || upper(substr(md5(random()::text || r.redemption_id), 1, 24)), "
                    + "'pending', now() + interval '72 hours' "
                    + "FROM (SELECT * FROM rewards.user_redemptions WHERE tenant_id = '" + tenant + "' LIMIT " + rows + ") r");
            OfertasBenchmark.say("pgbench: %,d confirmable codes left per client, %,d needed at up to %,d/s: %,d new pending redemptions for it in %.1f s",
                    left, perClient, MAX_TPS, rows, (System.nanoTime() - t0) / 1e9);
            left = buildConfirmPool();
        }
        checkpoint(dsl); // the inserts' dirty pages written out of the measured window; the app's confirmations also start after one
        PgBench.Run run = measured("pgbench: confirm (the app's statement)", """
                \\set k :k + 1
                \\set n :client_id * %d + :k
                WITH p AS MATERIALIZED (SELECT code, merchant_id FROM bench_pgbench.confirm_codes WHERE n = :n),
                actor AS MATERIALIZED (SELECT set_config('rewards.actor_type', 'merchant', true),
                    set_config('rewards.actor_id', (SELECT CAST(merchant_id AS text) FROM p), true), set_config('rewards.ip', '127.0.0.1', true),
                    set_config('rewards.user_agent', 'pgbench', true), set_config('rewards.metadata', '{"channel" : "api"}', true)),
                confirmed AS (UPDATE rewards.user_redemptions r SET redemption_status = 'confirmed', validated_by_merchant_id = p.merchant_id,
                    validated_at = now(), updated_at = now()
                    FROM rewards.redemption_offers o, actor, p
                    WHERE r.redemption_code = p.code AND r.tenant_id = :tenant AND r.redemption_status = 'pending' AND r.code_expires_at > now()
                    AND o.tenant_id = r.tenant_id AND o.offer_id = r.offer_id AND (o.merchant_id IS NULL OR o.merchant_id = p.merchant_id)
                    RETURNING r.*)
                %sFROM confirmed r%s;
                """.formatted(STRIDE, COLUMNS, OFFER), Map.of("k", "0", "tenant", tenant.toString()));
        if (!run.ok()) return run;
        long confirmed = dsl.fetchOne("SELECT count(*) FROM bench_pgbench.confirm_codes p JOIN rewards.user_redemptions r "
                + "ON r.redemption_code = p.code WHERE r.redemption_status = 'confirmed'").get(0, Long.class);
        if (confirmed < run.total()) {
            // Some transactions found no code left: counting them would flatter pgbench.
            OfertasBenchmark.say("pgbench: ran out of codes (%,d per client): %,d of %,d transactions confirmed a code; no comparison (raise BENCH_PGBENCH_MAX_TPS)",
                    left, confirmed, run.total());
            return PgBench.Run.failed(run.name(), "ran out of codes");
        }
        OfertasBenchmark.say("pgbench: %,d transactions (warm-up included) confirmed %,d codes (pool: %,d per client)", run.total(), confirmed, left);
        return run;
    }

    /** CHECKPOINT, when this user may (a superuser, or pg_checkpoint's member since PostgreSQL 15). */
    static void checkpoint(DSLContext dsl) {
        try {
            dsl.execute("CHECKPOINT");
        } catch (RuntimeException e) {
            OfertasBenchmark.say("no CHECKPOINT before the confirmations: %s", e.getMessage());
        }
    }

    /** (Re)builds the pool from the pending codes; returns the fewest codes a client has. */
    private int buildConfirmPool() {
        dsl.execute("CREATE SCHEMA IF NOT EXISTS bench_pgbench");
        dsl.execute("DROP TABLE IF EXISTS bench_pgbench.confirm_codes");
        // The tenant's merchants dealt round robin to the clients; a code of an offer without a
        // merchant goes to a client by its hash and is confirmed by that client's first merchant.
        dsl.execute("CREATE TABLE bench_pgbench.confirm_codes AS "
                + "WITH home AS (SELECT merchant_id, (row_number() OVER (ORDER BY merchant_id) - 1) % " + clients + " AS client "
                + "  FROM rewards.merchants WHERE tenant_id = '" + tenant + "'), "
                + "first AS (SELECT DISTINCT ON (client) client, merchant_id FROM home ORDER BY client, merchant_id), "
                + "dealt AS (SELECT r.redemption_code AS code, o.merchant_id AS offer_merchant, "
                + "  coalesce(h.client, abs(hashtext(r.redemption_code)) % " + clients + ") AS client "
                + "  FROM rewards.user_redemptions r" + OFFER + " LEFT JOIN home h ON h.merchant_id = o.merchant_id "
                + "  WHERE r.tenant_id = '" + tenant + "' AND r.redemption_status = 'pending' AND r.code_expires_at > now() + interval '1 hour') "
                + "SELECT d.client::bigint * " + STRIDE + " + row_number() OVER (PARTITION BY d.client ORDER BY d.code) AS n, d.code, "
                + "  coalesce(d.offer_merchant, f.merchant_id) AS merchant_id FROM dealt d JOIN first f ON f.client = d.client");
        dsl.execute("ALTER TABLE bench_pgbench.confirm_codes ADD PRIMARY KEY (n)");
        dsl.execute("ANALYZE bench_pgbench.confirm_codes");
        Integer fewest = dsl.fetchOne("SELECT min(c)::int FROM (SELECT count(*) AS c FROM bench_pgbench.confirm_codes GROUP BY n / " + STRIDE
                + ") x").get(0, Integer.class);
        return fewest == null ? 0 : fewest;
    }

    private PgBench.Run measured(String name, String script, Map<String, String> variables) {
        OfertasBenchmark.say("%s: %d clients, -j %d, %d s warm-up + %d s measured ...", name, clients, threads, warmup.toSeconds(), duration.toSeconds());
        CpuUsage.Measured window = new CpuUsage.Measured(databasePid, dsl);
        PgBench.Run run = pgbench.run(name, script, clients, threads, warmup, duration, variables, window);
        if (!run.ok()) {
            OfertasBenchmark.say("%s failed: %s", name, run.error());
            return run;
        }
        OfertasBenchmark.say("%s: %,d transactions, %,d failed, %.0f/s, p99 %.2f ms", name, run.transactions(), run.failed(),
                run.tps(), run.percentileMillis(99));
        for (String line : window.describe(name, run.transactions())) {
            cpu.add(line.replace(" (the JVM's share includes the load generator)", ""));
        }
        return run.withCpu(window.millisPerRequest(run.transactions()));
    }

    /** Drops the pools (the redemptions pgbench confirmed or added stay). */
    void dropPools() {
        try {
            dsl.execute("DROP SCHEMA IF EXISTS bench_pgbench CASCADE");
        } catch (RuntimeException e) {
            OfertasBenchmark.say("could not drop schema bench_pgbench: %s", e.getMessage());
        }
    }

    /**
     * One row of the comparison: an app row and its pgbench counterpart, with the CPU milliseconds
     * per request of each (app: this JVM with the load generator + PostgreSQL; pgbench: pgbench +
     * PostgreSQL).
     */
    record Pair(String name, LoadRunner.Result app, double appCpuMillis, PgBench.Run pgbench, double aimRatio) {}

    static String table(List<Pair> pairs) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"operation", "app (req/s)", "pgbench (tps)", "app / pgbench", "aim", "CPU ms: pgbench / app",
                "app p99 (ms)", "pgbench p99 (ms)", "target p99", "result"});
        for (Pair p : pairs) {
            double ratio = p.app().throughput() / p.pgbench().tps();
            boolean ratioOk = ratio >= p.aimRatio();
            boolean p99Ok = p.app().percentileMillis(99) < p.app().scenario().targetP99Millis();
            rows.add(new String[] {p.name(), String.format(Locale.ROOT, "%.0f", p.app().throughput()),
                    String.format(Locale.ROOT, "%.0f", p.pgbench().tps()), String.format(Locale.ROOT, "%.0f%%", ratio * 100),
                    String.format(Locale.ROOT, ">= %.0f%%", p.aimRatio() * 100),
                    String.format(Locale.ROOT, "%.2f / %.2f = %.0f%%", p.pgbench().cpuMillis(), p.appCpuMillis(), 100 * p.pgbench().cpuMillis() / p.appCpuMillis()),
                    String.format(Locale.ROOT, "%.2f", p.app().percentileMillis(99)),
                    String.format(Locale.ROOT, "%.2f", p.pgbench().percentileMillis(99)),
                    String.format(Locale.ROOT, "< %.0f ms", p.app().scenario().targetP99Millis()),
                    (ratioOk ? "ratio PASS" : "ratio FAIL") + ", " + (p99Ok ? "p99 PASS" : "p99 FAIL")});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            out.append(line(rows.get(r), widths));
            if (r == 0) {
                String[] rule = new String[widths.length];
                for (int i = 0; i < widths.length; i++) rule[i] = "-".repeat(widths[i] - 1) + (i >= 1 && i <= 7 ? ":" : "-");
                out.append(line(rule, widths));
            }
        }
        return out.toString();
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder s = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            String f = i >= 1 && i <= 7 && !cells[i].startsWith("-") && !cells[i].contains("(") && !cells[i].contains(":") ? "%" : "%-";
            s.append(' ').append(String.format(f + widths[i] + "s", cells[i])).append(" |");
        }
        return s.append('\n').toString();
    }

}
