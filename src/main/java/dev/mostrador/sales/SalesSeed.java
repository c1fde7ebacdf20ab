package dev.mostrador.sales;

import dev.mostrador.platform.auth.Passwords;
import dev.mostrador.platform.tenants.Tenant;
import dev.mostrador.platform.tenants.TenantRepository;
import org.jooq.DSLContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Loads a year of orders into one tenant with set-based SQL, for the sales report and the
 * benchmark: vendedores, products, active ofertas, customers and repartidores are topped up to
 * the sizes asked, then orders of 2–10 lines spread over 12 months in every state. The lines are
 * built first in a temporary table, so each order's subtotal, discount and total are the sums of
 * its lines by construction; the rows go in with the triggers off (session_replication_role =
 * replica, as {@code InventorySeed} does: foreign keys are not checked row by row, every id used
 * is read from the tenant's own rows). Stock is not moved: the orders are history.
 */
public final class SalesSeed {
    private final DSLContext dsl;

    public SalesSeed(DSLContext dsl) {
        this.dsl = dsl;
    }

    public record Sizes(int products, int ofertas, int customers, int orders) {}

    public record Result(Tenant tenant, long firstPedido, Map<String, Long> millis) {}

    static final int VENDEDORES = 8;
    static final int REPARTIDORES = 6;

    public Result load(String slug, Sizes sizes) {
        Map<String, Long> millis = new LinkedHashMap<>();
        TenantRepository tenants = new TenantRepository(dsl);
        Tenant tenant = tenants.findBySlug(slug).orElseGet(() -> tenants.create(dsl, null, TenantRepository.NewTenant.named(slug, "Seed " + slug)));
        UUID t = tenant.id();
        String hash = Passwords.hash(UUID.randomUUID().toString());
        long[] first = new long[1];
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.execute("SET LOCAL session_replication_role = replica");
            tx.execute("SET LOCAL synchronous_commit = off");
            step(millis, "vendedores", () -> tx.execute("""
                    INSERT INTO users (tenant_id, email, name, role, password_hash)
                    SELECT ?, 'vendedor-' || i || '-' || ? || '@seed.invalid', 'Vendedor ' || i, 'vendedor', ?
                      FROM generate_series((SELECT count(*) FROM users WHERE tenant_id = ?) + 1, ?) i""", t, t.toString(), hash, t, VENDEDORES));
            step(millis, "products", () -> tx.execute("""
                    INSERT INTO productos (tenant_id, sku, nombre, precio)
                    SELECT ?, 'PED-' || lpad(i::text, 6, '0') || '-' || substr(md5(random()::text), 1, 4), 'Producto ' || i,
                           (100 + (i::bigint * 7919) % 49900)::numeric
                      FROM generate_series((SELECT count(*) FROM productos WHERE tenant_id = ?) + 1, ?) i""", t, t, sizes.products()));
            step(millis, "ofertas", () -> tx.execute("""
                    INSERT INTO ofertas (tenant_id, titulo, desde, hasta, tipo, descuento_porcentaje, compra_cantidad, paga_cantidad)
                    SELECT ?, CASE WHEN i % 5 = 0 THEN 'Lleva ' || (2 + i % 3) || ' paga ' || (1 + i % 3) ELSE (5 + i % 10 * 5) || '% en seleccionados ' || i END,
                           now() - interval '400 days', now() + interval '60 days' + interval '1 day' * (i % 60),
                           CASE WHEN i % 5 = 0 THEN 'nxm' ELSE 'porcentaje' END,
                           CASE WHEN i % 5 = 0 THEN NULL ELSE 5 + i % 10 * 5 END,
                           CASE WHEN i % 5 = 0 THEN 2 + i % 3 END, CASE WHEN i % 5 = 0 THEN 1 + i % 3 END
                      FROM generate_series((SELECT count(*) FROM ofertas WHERE tenant_id = ? AND activa AND desde <= now() AND hasta > now()) + 1, ?) i""",
                    t, t, sizes.ofertas()));
            step(millis, "customers", () -> tx.execute("""
                    INSERT INTO customers (tenant_id, name, phone)
                    SELECT ?, 'Cliente ' || i, '+56 9 ' || lpad(i::text, 8, '0')
                      FROM generate_series((SELECT count(*) FROM customers WHERE tenant_id = ?) + 1, ?) i""", t, t, sizes.customers()));
            step(millis, "repartidores", () -> tx.execute("""
                    INSERT INTO repartidores (tenant_id, nombre, telefono)
                    SELECT ?, 'Repartidor ' || i, '+56 9 ' || lpad(i::text, 8, '7')
                      FROM generate_series((SELECT count(*) FROM repartidores WHERE tenant_id = ?) + 1, ?) i""", t, t, REPARTIDORES));
            first[0] = SalesSeedOrders.insert(tx, tenant, sizes.orders(), millis);
        });
        step(millis, "vacuum analyze", () -> dsl.execute("VACUUM (ANALYZE) pedidos, pedido_lineas, customers, productos, ofertas"));
        return new Result(tenant, first[0], millis);
    }

    /** Orders whose subtotal, discount or total differ from the sums of their lines (none after the seed). */
    public long inconsistent(UUID tenant) {
        return ((Number) dsl.fetchValue("""
                SELECT count(*) FROM public.pedidos p
                  LEFT JOIN (SELECT pedido_id, sum(precio_lista * cantidad) AS sub, sum(descuento) AS d, sum(neto) AS n
                               FROM public.pedido_lineas WHERE tenant_id = ? GROUP BY 1) l ON l.pedido_id = p.id
                 WHERE p.tenant_id = ? AND (l.pedido_id IS NULL OR p.subtotal <> l.sub OR p.descuento <> l.d OR p.total <> l.n)""",
                tenant, tenant)).longValue();
    }

    static void step(Map<String, Long> millis, String name, Runnable work) {
        long t0 = System.nanoTime();
        work.run();
        millis.merge(name, (System.nanoTime() - t0) / 1_000_000, Long::sum);
    }
}
