package dev.mostrador.sales;

import dev.mostrador.support.TestDatabase;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Pedidos rows written with SQL, as placed orders freeze them: each line's list price, quantity, oferta copy and discount. */
public final class SalesRows {
    private SalesRows() {}

    /** A line: product, quantity at a list price, and the oferta copy (id 0: none) with its discount. */
    public record Line(long producto, int cantidad, String precio, long ofertaId, String ofertaTitulo, String descuento) {
        public static Line plain(long producto, int cantidad, String precio) {
            return new Line(producto, cantidad, precio, 0, null, "0");
        }
    }

    public static long userId(String email) {
        return ((Number) dsl().fetchValue("SELECT id FROM users WHERE lower(email) = lower(?)", email)).longValue();
    }

    public static long product(UUID tenant, String sku, String nombre, String precio) {
        return ((Number) dsl().fetchValue("INSERT INTO productos (tenant_id, sku, nombre, precio) VALUES (?, ?, ?, ?::numeric) RETURNING id",
                tenant, sku, nombre, precio)).longValue();
    }

    public static long customer(UUID tenant, String name) {
        return ((Number) dsl().fetchValue("INSERT INTO customers (tenant_id, name) VALUES (?, ?) RETURNING id", tenant, name)).longValue();
    }

    /** An order whose subtotal, discount and total are the sums of its lines. */
    public static long pedido(UUID tenant, OffsetDateTime at, String estado, long user, Long customer, Line... lines) {
        BigDecimal sub = BigDecimal.ZERO, desc = BigDecimal.ZERO;
        for (Line l : lines) {
            sub = sub.add(new BigDecimal(l.precio()).multiply(BigDecimal.valueOf(l.cantidad())));
            desc = desc.add(new BigDecimal(l.descuento()));
        }
        long id = ((Number) dsl().fetchValue("INSERT INTO pedidos (tenant_id, estado, customer_id, user_id, moneda, subtotal, descuento, total, created_at) "
                + "VALUES (?, ?, ?, ?, 'CLP', ?, ?, ?, ?::timestamptz) RETURNING id", tenant, estado, customer, user, sub, desc, sub.subtract(desc), at)).longValue();
        int n = 0;
        for (Line l : lines) {
            BigDecimal gross = new BigDecimal(l.precio()).multiply(BigDecimal.valueOf(l.cantidad()));
            dsl().execute("INSERT INTO pedido_lineas (tenant_id, pedido_id, linea, producto_id, sku, nombre, precio_lista, cantidad, oferta_id, "
                            + "oferta_titulo, oferta_tipo, descuento, neto) SELECT ?, ?, ?, p.id, p.sku, p.nombre, ?, ?, ?, ?, ?, ?, ? "
                            + "FROM productos p WHERE p.id = ?", tenant, id, ++n, new BigDecimal(l.precio()), l.cantidad(),
                    l.ofertaId() == 0 ? null : l.ofertaId(), l.ofertaTitulo(), l.ofertaId() == 0 ? null : "porcentaje",
                    new BigDecimal(l.descuento()), gross.subtract(new BigDecimal(l.descuento())), l.producto());
        }
        return id;
    }

    private static DSLContext dsl() {
        return TestDatabase.get().dsl();
    }
}
