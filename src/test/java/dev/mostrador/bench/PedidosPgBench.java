package dev.mostrador.bench;

import org.jooq.DSLContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The pedidos benchmark's pgbench side: the SQL that places a 10-line order, without the app, on
 * the same database in the same run: the products locked in id order, the order, its ten lines in
 * one statement, its first event, ten 'venta' movements (the trigger moving each product's
 * counters), one durable commit. What pgbench leaves out and the app does: the quote against the
 * active ofertas (an in-memory cache), the Idempotency-Key row, the customer check, the expired holds'
 * release, reading the order back for the answer, HTTP and JSON.
 */
final class PedidosPgBench {
    private final PgBench pgbench;
    private final DSLContext dsl;
    private final UUID tenant;
    private final long databasePid;

    PedidosPgBench(PgBench pgbench, DSLContext dsl, UUID tenant, long databasePid) {
        this.pgbench = pgbench;
        this.dsl = dsl;
        this.tenant = tenant;
        this.databasePid = databasePid;
    }

    /** Runs the order's SQL with {@code clients} connections; prints its figures and CPU, and returns the run. */
    PgBench.Run place(int clients, int threads, Duration warmup, Duration duration) {
        dsl.execute("CREATE SCHEMA IF NOT EXISTS bench_pgbench");
        dsl.execute("DROP TABLE IF EXISTS bench_pgbench.pedido_productos, bench_pgbench.pedido_clientes");
        dsl.execute("CREATE TABLE bench_pgbench.pedido_productos AS SELECT row_number() OVER (ORDER BY id)::int AS n, id "
                + "FROM productos WHERE tenant_id = '" + tenant + "' AND activo");
        dsl.execute("CREATE TABLE bench_pgbench.pedido_clientes AS SELECT row_number() OVER (ORDER BY id)::int AS n, id "
                + "FROM customers WHERE tenant_id = '" + tenant + "'");
        dsl.execute("ALTER TABLE bench_pgbench.pedido_productos ADD PRIMARY KEY (n)");
        dsl.execute("ALTER TABLE bench_pgbench.pedido_clientes ADD PRIMARY KEY (n)");
        dsl.execute("ANALYZE bench_pgbench.pedido_productos, bench_pgbench.pedido_clientes");
        int products = dsl.fetchOne("SELECT count(*)::int FROM bench_pgbench.pedido_productos").get(0, Integer.class);
        int customers = dsl.fetchOne("SELECT count(*)::int FROM bench_pgbench.pedido_clientes").get(0, Integer.class);
        long user = dsl.fetchOne("SELECT id FROM users WHERE tenant_id = ? ORDER BY id LIMIT 1", tenant).get(0, Long.class);
        String picks = IntStream.rangeClosed(1, 10).mapToObj(i -> ":p" + i).collect(Collectors.joining(", "));
        String ids = "ARRAY(SELECT id FROM bench_pgbench.pedido_productos WHERE n IN (" + picks + "))";
        String script = IntStream.rangeClosed(1, 10).mapToObj(i -> "\\set p" + i + " random(1, " + products + ")\n").collect(Collectors.joining())
                + "\\set c random(1, " + customers + ")\n"
                + "BEGIN;\n"
                + "SELECT id, stock_total, stock_reservado, stock_vendido FROM productos WHERE tenant_id = :tenant AND id = ANY(" + ids
                + ") ORDER BY id FOR NO KEY UPDATE;\n"
                // The total is the lines' sum (one unit each at list price), as the app's orders are: the benchmark checks it after.
                + "INSERT INTO pedidos (tenant_id, customer_id, user_id, moneda, subtotal, descuento, total) SELECT :tenant, "
                + "(SELECT id FROM bench_pgbench.pedido_clientes WHERE n = :c), :user, 'CLP', sum(precio), 0, sum(precio) FROM productos "
                + "WHERE tenant_id = :tenant AND id = ANY(" + ids + ") RETURNING id AS pedido \\gset\n"
                + "INSERT INTO pedido_lineas (tenant_id, pedido_id, linea, producto_id, sku, nombre, precio_lista, cantidad, descuento, neto, regalo) "
                + "SELECT :tenant, :pedido, row_number() OVER (), id, sku, nombre, precio, 1, 0, precio, false FROM productos "
                + "WHERE tenant_id = :tenant AND id = ANY(" + ids + ");\n"
                + "INSERT INTO pedido_eventos (tenant_id, pedido_id, hacia, user_id) VALUES (:tenant, :pedido, 'confirmado', :user);\n"
                + "INSERT INTO stock_movimientos (tenant_id, actor_user_id, producto_id, motivo, delta_vendido, documento_tipo, documento_id) "
                + "SELECT :tenant, :user, id, 'venta', 1, 'pedido', :pedido FROM bench_pgbench.pedido_productos WHERE n IN (" + picks + ");\n"
                + "COMMIT;\n";
        String name = "pgbench: a 10-line order's SQL";
        OfertasBenchmark.say("%s: %d clients, -j %d, %d s warm-up + %d s measured ...", name, clients, threads, warmup.toSeconds(), duration.toSeconds());
        CpuUsage.Measured window = new CpuUsage.Measured(databasePid, dsl);
        PgBench.Run run = pgbench.run(name, script, clients, threads, warmup, duration, Map.of("tenant", tenant.toString(), "user", Long.toString(user)),
                window);
        if (!run.ok()) {
            OfertasBenchmark.say("%s failed: %s", name, run.error());
        } else {
            OfertasBenchmark.say("%s: %,d orders, %,d failed, %.0f/s, p50 %.1f ms, p99 %.1f ms", name, run.transactions(), run.failed(), run.tps(),
                    run.percentileMillis(50), run.percentileMillis(99));
            window.describe(name, run.transactions()).forEach(line -> OfertasBenchmark.say("%s", line));
        }
        try {
            dsl.execute("DROP SCHEMA IF EXISTS bench_pgbench CASCADE");
        } catch (RuntimeException e) {
            OfertasBenchmark.say("pgbench pools not dropped: %s", e.getMessage());
        }
        return run;
    }

    /** The app's row beside pgbench's at the same number of clients. */
    static List<String> compare(LoadRunner.Result app, PgBench.Run sql) {
        return List.of("| | per second | p50 | p99 |", "|---|---:|---:|---:|",
                String.format(java.util.Locale.ROOT, "| app: %s | %.0f | %.1f ms | %.1f ms |", app.scenario().name(), app.throughput(),
                        app.percentileMillis(50), app.percentileMillis(99)),
                String.format(java.util.Locale.ROOT, "| %s | %.0f | %.1f ms | %.1f ms |", sql.name(), sql.tps(), sql.percentileMillis(50),
                        sql.percentileMillis(99)));
    }
}
