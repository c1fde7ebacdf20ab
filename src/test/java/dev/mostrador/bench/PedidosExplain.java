package dev.mostrador.bench;

import org.jooq.DSLContext;

import java.util.UUID;

/**
 * EXPLAIN ANALYZE of the statements behind {@code GET /api/pedidos?estado=entregado&limit=50} at the
 * benchmark's size, written as OrderQuery and OrderTotals send them (keep them in step), with the
 * count the list made before the rollup for comparison. Printed when BENCH_EXPLAIN=true.
 */
final class PedidosExplain {
    private PedidosExplain() {}

    static void print(DSLContext dsl, UUID tenant) {
        if (!"true".equalsIgnoreCase(System.getenv("BENCH_EXPLAIN"))) return;
        explain(dsl, "the page (50 + 1 rows)", PAGE, tenant, "entregado", "entregado", 51);
        explain(dsl, "the totals from the rollup", TOTALS, tenant, "month", "entregado", tenant, "entregado");
        explain(dsl, "the totals counted, as before the rollup", COUNTED, tenant, "entregado");
    }

    private static void explain(DSLContext dsl, String what, String sql, Object... binds) {
        OfertasBenchmark.say("EXPLAIN ANALYZE %s:", what);
        dsl.fetch("EXPLAIN (ANALYZE, BUFFERS) " + sql, binds).forEach(r -> System.out.println("    " + r.get(0)));
    }

    private static final String PAGE = "SELECT p.id, p.estado, p.created_at, p.customer_id, c.name, u.name, d.nombre, p.total, p.moneda "
            + "FROM public.pedidos p LEFT JOIN public.customers c ON c.tenant_id = p.tenant_id AND c.id = p.customer_id "
            + "JOIN public.users u ON u.tenant_id = p.tenant_id AND u.id = p.user_id "
            + "LEFT JOIN public.repartidores d ON d.tenant_id = p.tenant_id AND d.id = p.repartidor_id "
            + "WHERE p.tenant_id = ? AND p.estado >= ? AND p.estado <= ? ORDER BY p.estado ASC, p.id DESC LIMIT ?";

    private static final String TOTALS = "SELECT (SELECT backfilled_at IS NOT NULL FROM public.pedidos_totales_estado), "
            + "coalesce(sum(n), 0), coalesce(sum(total), 0) FROM (SELECT n, total FROM public.pedidos_totales WHERE tenant_id = ? AND unidad = ? AND estado = ? "
            + "UNION ALL SELECT n, total FROM public.pedidos_totales_delta WHERE tenant_id = ? AND estado = ?) x";

    private static final String COUNTED = "SELECT count(*), coalesce(sum(p.total), 0) FROM public.pedidos p "
            + "LEFT JOIN public.customers c ON c.tenant_id = p.tenant_id AND c.id = p.customer_id WHERE p.tenant_id = ? AND p.estado = ?";
}
