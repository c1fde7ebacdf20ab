package dev.mostrador.sales;

import dev.mostrador.support.Cli;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed at a small size: the rows asked for, every order's totals equal to its lines, states and ofertas mixed. */
class SalesSeedTest {

    @Test
    void seedsConsistentOrders() {
        DSLContext dsl = TestDatabase.get().dsl();
        Fixtures.TestTenant t = Fixtures.tenant();
        UUID id = t.id();
        SalesSeed seed = new SalesSeed(dsl);
        seed.load(t.tenant().slug(), new SalesSeed.Sizes(40, 12, 90, 2_000));

        assertEquals(40, count(dsl, "SELECT count(*) FROM productos WHERE tenant_id = ?", id));
        assertEquals(12, count(dsl, "SELECT count(*) FROM ofertas WHERE tenant_id = ? AND activa AND desde <= now() AND hasta > now()", id));
        assertEquals(90, count(dsl, "SELECT count(*) FROM customers WHERE tenant_id = ?", id));
        assertEquals(2_000, count(dsl, "SELECT count(*) FROM pedidos WHERE tenant_id = ?", id));
        assertEquals(0, count(dsl, "SELECT count(*) FROM (SELECT pedido_id FROM pedido_lineas WHERE tenant_id = ? GROUP BY 1 "
                + "HAVING count(*) NOT BETWEEN 2 AND 10) x", id));
        assertEquals(0, seed.inconsistent(id));
        assertEquals(5, count(dsl, "SELECT count(DISTINCT estado) FROM pedidos WHERE tenant_id = ?", id));
        assertTrue(count(dsl, "SELECT count(*) FROM pedido_lineas WHERE tenant_id = ? AND oferta_id IS NOT NULL AND descuento > 0", id) > 100);
        assertTrue(count(dsl, "SELECT count(*) FROM pedidos WHERE tenant_id = ? AND created_at < now() - interval '300 days'", id) > 100,
                "spread over the year");
        assertEquals(0, count(dsl, "SELECT count(*) FROM pedidos WHERE tenant_id = ? AND created_at > now()", id));

        seed.load(t.tenant().slug(), new SalesSeed.Sizes(40, 12, 90, 100)); // more orders, nothing else added
        assertEquals(40, count(dsl, "SELECT count(*) FROM productos WHERE tenant_id = ?", id));
        assertEquals(2_100, count(dsl, "SELECT count(*) FROM pedidos WHERE tenant_id = ?", id));
        assertEquals(0, seed.inconsistent(id));
    }

    @Test
    void theCommandSeedsATenantAndChecksIt() throws Exception {
        String slug = "seed-ped-" + UUID.randomUUID().toString().substring(0, 8);
        Cli.Run run = Cli.run("seed-pedidos", "--tenant", slug, "--products", "30", "--ofertas", "5", "--customers", "20", "--orders", "300");
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("pedidos ok"), run.out());
    }

    private static long count(DSLContext dsl, String sql, Object... binds) {
        return ((Number) dsl.fetchValue(sql, binds)).longValue();
    }
}
