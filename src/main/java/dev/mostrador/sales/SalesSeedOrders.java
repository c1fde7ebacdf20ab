package dev.mostrador.sales;

import dev.mostrador.platform.tenants.Tenant;
import org.jooq.DSLContext;

import java.util.Map;

/**
 * The orders of {@link SalesSeed}: one statement each for the orders, their lines (in temporary
 * tables), then the two inserts. Ids come from the identity's own sequence, so orders placed by
 * the app afterwards continue after them. Order i of n is placed (365 × (n − i) / n) days ago, so
 * ids grow with time as in a shop; one in 25 is cancelled, one in 40 returned, the last two days'
 * still confirmado or en_reparto, the rest entregado. One line in five carries an oferta's frozen copy.
 */
final class SalesSeedOrders {
    private SalesSeedOrders() {}

    /** Returns the first new order's id. */
    static long insert(DSLContext tx, Tenant tenant, int count, Map<String, Long> millis) {
        SalesSeed.step(millis, "orders (temp)", () -> tx.execute("""
                CREATE TEMP TABLE seed_pedidos ON COMMIT DROP AS
                WITH a AS (SELECT (SELECT array_agg(id ORDER BY id) FROM users WHERE tenant_id = ?) AS ua,
                                  (SELECT array_agg(id ORDER BY id) FROM customers WHERE tenant_id = ?) AS ca,
                                  (SELECT array_agg(id ORDER BY id) FROM repartidores WHERE tenant_id = ?) AS ra),
                     g AS (SELECT i, now() - interval '365 days' * ((? - i)::float8 / ?) - interval '1 second' * (i % 600) AS at
                             FROM generate_series(1, ?) i),
                     s AS (SELECT g.*, CASE WHEN i % 25 = 0 THEN 'cancelado' WHEN i % 40 = 1 THEN 'devuelto'
                                            WHEN at > now() - interval '2 days' THEN CASE WHEN i % 3 = 0 THEN 'en_reparto' ELSE 'confirmado' END
                                            ELSE 'entregado' END AS estado FROM g)
                SELECT nextval(pg_get_serial_sequence('public.pedidos', 'id')) AS id, s.i, s.at, s.estado,
                       CASE WHEN s.i % 10 = 0 OR a.ca IS NULL THEN NULL ELSE a.ca[(1 + (s.i::bigint * 7919) % cardinality(a.ca))::int] END AS customer_id,
                       a.ua[1 + s.i % cardinality(a.ua)] AS user_id,
                       CASE WHEN s.estado IN ('en_reparto', 'entregado', 'devuelto') THEN a.ra[1 + s.i % cardinality(a.ra)] END AS repartidor_id,
                       CASE WHEN s.estado IN ('entregado', 'devuelto') THEN s.at + interval '3 hours' END AS entregado_at
                  FROM s, a""", tenant.id(), tenant.id(), tenant.id(), count, count, count));
        SalesSeed.step(millis, "lines (temp)", () -> tx.execute("""
                CREATE TEMP TABLE seed_lineas ON COMMIT DROP AS
                WITH p AS (SELECT id, sku, nombre, precio, row_number() OVER (ORDER BY id) - 1 AS n FROM productos WHERE tenant_id = ? AND activo),
                     np AS (SELECT greatest(count(*), 1) AS n FROM p),
                     f AS (SELECT id, titulo, tipo, descuento_porcentaje AS pct, compra_cantidad AS compra, paga_cantidad AS paga,
                                  row_number() OVER (ORDER BY id) - 1 AS n
                             FROM ofertas WHERE tenant_id = ? AND activa AND desde <= now() AND hasta > now()),
                     nf AS (SELECT greatest(count(*), 1) AS n FROM f),
                     l AS (SELECT o.id AS pedido_id, g.l AS linea, p.id AS producto_id, p.sku, p.nombre, p.precio, f.id AS oferta_id,
                                  f.titulo, f.tipo, f.pct, f.compra, f.paga,
                                  CASE WHEN f.tipo = 'nxm' THEN f.compra ELSE 1 + (o.i + g.l) % 4 END AS cantidad
                             FROM seed_pedidos o CROSS JOIN np CROSS JOIN nf
                            CROSS JOIN LATERAL generate_series(1, 2 + (o.i * 7) % 9) g(l)
                             JOIN p ON p.n = (o.i::bigint * 7919 + g.l::bigint * 104729) % np.n
                             LEFT JOIN f ON (o.i + g.l) % 5 = 0 AND f.n = (o.i * 13 + g.l) % nf.n)
                SELECT l.*, CASE WHEN oferta_id IS NULL THEN 0
                                 WHEN tipo = 'nxm' THEN (compra - paga) * precio
                                 ELSE round(precio * cantidad * coalesce(pct, 10) / 100, 0) END AS descuento
                  FROM l""", tenant.id(), tenant.id()));
        // The triggers are off (replica), so the statement also appends the rows of the totals' log
        // (pedidos_totales_delta) that V022's insert trigger would have: the list's totals stay exact.
        SalesSeed.step(millis, "pedidos", () -> tx.execute("""
                WITH p AS (
                INSERT INTO pedidos (id, tenant_id, estado, customer_id, user_id, repartidor_id, moneda, subtotal, descuento, total,
                                     created_at, updated_at, entregado_at) OVERRIDING SYSTEM VALUE
                SELECT o.id, ?, o.estado, o.customer_id, o.user_id, o.repartidor_id, ?, s.sub, s.d, s.sub - s.d, o.at,
                       coalesce(o.entregado_at, o.at), o.entregado_at
                  FROM seed_pedidos o JOIN (SELECT pedido_id, sum(precio * cantidad) AS sub, sum(descuento) AS d FROM seed_lineas GROUP BY 1) s
                    ON s.pedido_id = o.id ORDER BY o.id
                RETURNING tenant_id, created_at, estado, total)
                INSERT INTO pedidos_totales_delta (tenant_id, hora, estado, n, total)
                SELECT tenant_id, date_trunc('hour', created_at, 'UTC'), estado, count(*), sum(total) FROM p GROUP BY 1, 2, 3""",
                tenant.id(), tenant.currency()));
        SalesSeed.step(millis, "pedido_lineas", () -> tx.execute("""
                INSERT INTO pedido_lineas (tenant_id, pedido_id, linea, producto_id, sku, nombre, precio_lista, cantidad, oferta_id, oferta_titulo,
                                           oferta_tipo, explicacion, descuento, neto)
                SELECT ?, pedido_id, linea, producto_id, sku, nombre, precio, cantidad, oferta_id, titulo, tipo, titulo, descuento,
                       precio * cantidad - descuento
                  FROM seed_lineas ORDER BY pedido_id, linea""", tenant.id()));
        Number first = (Number) tx.fetchValue("SELECT min(id) FROM seed_pedidos");
        return first == null ? 0 : first.longValue();
    }
}
