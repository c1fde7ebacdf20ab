package dev.mostrador.inventory;

import dev.mostrador.platform.tenants.Tenant;
import dev.mostrador.platform.tenants.TenantRepository;
import org.jooq.DSLContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads an inventory's worth of data into one tenant with set-based SQL: products, a ledger of
 * entradas, ventas and ajustes spread over 90 days (more of them on a few products, as in a shop),
 * and reservations in every state with the movements they made. Row by row the ledger's trigger
 * would update a product once per movement; instead the rows go in with the triggers off
 * (session_replication_role = replica, which needs a superuser: the embedded database's user is
 * one) and, in the same transaction, each product's counters are set to the sums of its movements,
 * so {@link StockCheck} finds no drift.
 */
public final class InventorySeed {
    private final DSLContext dsl;

    public InventorySeed(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** {@code expired}: pending reservations already past their time, for the release job. */
    public record Sizes(int products, int movements, int reservations, int expired) {}

    public record Result(Tenant tenant, Map<String, Long> millis) {}

    public Result load(String slug, Sizes sizes) {
        Map<String, Long> millis = new LinkedHashMap<>();
        TenantRepository tenants = new TenantRepository(dsl);
        Tenant tenant = tenants.findBySlug(slug).orElseGet(() ->
                tenants.create(dsl, null, TenantRepository.NewTenant.named(slug, "Seed " + slug)));
        dsl.transaction(cfg -> {
            DSLContext tx = bulk(cfg.dsl());
            step(millis, "products", () -> tx.execute("""
                    INSERT INTO productos (tenant_id, sku, nombre, precio, stock_minimo)
                    SELECT ?, 'INV-' || lpad(i::text, 6, '0') || '-' || substr(md5(random()::text), 1, 4), 'Producto de inventario ' || i,
                           (100 + (i * 7919) % 49900)::numeric, CASE WHEN i % 50 = 0 THEN 2000 WHEN i % 3 = 0 THEN 20 ELSE 0 END
                      FROM generate_series(1, ?) i""", tenant.id(), sizes.products()));
            // Product k of n gets a share of the movements that falls with k (the square of a
            // uniform number), so the most sold and least sold differ as in a real shop.
            step(millis, "movements", () -> tx.execute("""
                    WITH p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM productos WHERE tenant_id = ?),
                         g AS (SELECT i, floor(? * power(random(), 2))::bigint AS n,
                                      now() - interval '90 days' * (? - i) / ? AS at FROM generate_series(1, ?) i)
                    INSERT INTO stock_movimientos (tenant_id, producto_id, motivo, delta_total, delta_vendido, nota, created_at)
                    SELECT ?, p.id, k.motivo, k.dt, k.dv, k.nota, g.at
                      FROM g JOIN p ON p.n = g.n
                     CROSS JOIN LATERAL (SELECT CASE WHEN g.i % 10 < 3 THEN 'entrada' WHEN g.i % 10 < 9 THEN 'venta' ELSE 'ajuste' END AS motivo,
                                                CASE WHEN g.i % 10 < 3 THEN 20 + g.i % 31 WHEN g.i % 10 < 9 THEN 0
                                                     ELSE (CASE WHEN g.i % 20 = 9 THEN 2 ELSE -1 END) END AS dt,
                                                CASE WHEN g.i % 10 BETWEEN 3 AND 8 THEN 1 + g.i % 4 ELSE 0 END AS dv,
                                                CASE WHEN g.i % 10 = 9 THEN 'Ajuste (seed)' END AS nota) k""",
                    tenant.id(), sizes.products(), sizes.movements(), sizes.movements(), sizes.movements(), tenant.id()));
            // Every product starts with an entrada large enough for what its later movements take out.
            step(millis, "opening stock", () -> tx.execute("""
                    INSERT INTO stock_movimientos (tenant_id, producto_id, motivo, delta_total, nota, created_at)
                    SELECT p.tenant_id, p.id, 'entrada', 200 + coalesce(s.out, 0), 'Stock inicial (seed)', now() - interval '91 days'
                      FROM productos p
                      LEFT JOIN (SELECT producto_id, sum(delta_vendido - least(delta_total, 0)) AS out FROM stock_movimientos
                                  WHERE tenant_id = ? GROUP BY 1) s ON s.producto_id = p.id
                     WHERE p.tenant_id = ?""", tenant.id(), tenant.id()));
            step(millis, "reservations", () -> reservations(tx, tenant, sizes.products(), sizes.reservations(), sizes.expired()));
            step(millis, "counters", () -> counters(tx, tenant));
        });
        analyze(millis);
        return new Result(tenant, millis);
    }

    /** More pending reservations already past their time (the benchmark times the release job on them). */
    public void expired(Tenant tenant, int count) {
        dsl.transaction(cfg -> {
            DSLContext tx = bulk(cfg.dsl());
            int products = ((Number) tx.fetchValue("SELECT count(*) FROM productos WHERE tenant_id = ?", tenant.id())).intValue();
            reservations(tx, tenant, products, count, count);
            counters(tx, tenant);
        });
    }

    private static DSLContext bulk(DSLContext tx) {
        tx.execute("SET LOCAL session_replication_role = replica");
        tx.execute("SET LOCAL synchronous_commit = off");
        return tx;
    }

    /**
     * {@code count} reservations of 1 to 3 units: the first {@code expired} pending and past their
     * time, then of the rest one in 20 pending (a few expiring within 5 minutes), the others closed
     * (confirmed 6 in 10, released, expired); each with the movements the app would have appended.
     */
    private static void reservations(DSLContext tx, Tenant tenant, int products, int count, int expired) {
        long before = ((Number) tx.fetchValue("SELECT coalesce(max(id), 0) FROM reservas")).longValue();
        tx.execute("""
                WITH p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM productos WHERE tenant_id = ?),
                     g AS (SELECT i, floor(? * random())::bigint AS n, now() - interval '90 days' * random() AS at FROM generate_series(1, ?) i)
                INSERT INTO reservas (tenant_id, producto_id, cantidad, estado, expires_at, created_at, closed_at)
                SELECT ?, p.id, 1 + g.i % 3, s.estado,
                       CASE WHEN g.i <= ? THEN now() - interval '1 minute' * (1 + g.i % 60)
                            WHEN s.estado = 'pendiente' THEN now() + interval '1 minute' * (1 + g.i % 15) ELSE g.at + interval '15 minutes' END,
                       CASE WHEN s.estado = 'pendiente' THEN now() - interval '20 minutes' ELSE g.at END,
                       CASE WHEN s.estado = 'pendiente' THEN NULL WHEN s.estado = 'expirada' THEN g.at + interval '15 minutes'
                            ELSE g.at + interval '5 minutes' END
                  FROM g JOIN p ON p.n = g.n
                 CROSS JOIN LATERAL (SELECT CASE WHEN g.i <= ? OR g.i % 20 = 0 THEN 'pendiente' WHEN g.i % 10 < 6 THEN 'confirmada'
                                                 WHEN g.i % 10 < 8 THEN 'liberada' ELSE 'expirada' END AS estado) s""",
                tenant.id(), products, count, tenant.id(), expired, expired);
        tx.execute("""
                INSERT INTO stock_movimientos (tenant_id, producto_id, motivo, delta_reservado, delta_vendido, documento_tipo, documento_id, created_at)
                SELECT tenant_id, producto_id, 'reserva', cantidad, 0, 'reserva', id, created_at FROM reservas WHERE tenant_id = ? AND id > ?
                UNION ALL
                SELECT tenant_id, producto_id, CASE WHEN estado = 'confirmada' THEN 'venta' ELSE 'liberacion' END, -cantidad,
                       CASE WHEN estado = 'confirmada' THEN cantidad ELSE 0 END, 'reserva', id, closed_at
                  FROM reservas WHERE tenant_id = ? AND id > ? AND estado <> 'pendiente'""",
                tenant.id(), before, tenant.id(), before);
    }

    /** The counters from the ledger, in the loading transaction (triggers off, so the guard lets this UPDATE through). */
    private static void counters(DSLContext tx, Tenant tenant) {
        tx.execute("""
                UPDATE productos p SET stock_total = s.t, stock_reservado = s.r, stock_vendido = s.v
                  FROM (SELECT producto_id, sum(delta_total) AS t, sum(delta_reservado) AS r, sum(delta_vendido) AS v
                          FROM stock_movimientos WHERE tenant_id = ? GROUP BY 1) s
                 WHERE p.tenant_id = ? AND p.id = s.producto_id""", tenant.id(), tenant.id());
    }

    // After a bulk load: statistics for the planner, hint bits and the visibility map set now.
    private void analyze(Map<String, Long> millis) {
        step(millis, "vacuum analyze", () -> dsl.execute("VACUUM (ANALYZE) productos, stock_movimientos, reservas"));
    }

    private static void step(Map<String, Long> millis, String name, Runnable work) {
        long t0 = System.nanoTime();
        work.run();
        millis.put(name, (System.nanoTime() - t0) / 1_000_000);
    }
}
