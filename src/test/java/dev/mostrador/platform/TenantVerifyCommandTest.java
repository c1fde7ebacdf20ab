package dev.mostrador.platform;

import dev.mostrador.support.Cli;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.ScratchDatabase;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tenants verify} as users run it (the embedded data folder's run is in DeployCheckCommandTest). */
class TenantVerifyCommandTest {

    @Test
    void theTestDatabasePassesAndATenantsRowsAreListed() throws Exception {
        Fixtures.TestTenant tenant = Fixtures.tenant();
        Cli.Run verify = Cli.run("tenants", "verify", "--tenant", tenant.tenant().slug());
        assertEquals(0, verify.exit(), verify.out());
        String out = verify.out();
        assertTrue(out.contains("rewards.user_redemptions"), out);
        assertTrue(out.matches("(?s).*\nusers +\\d+ +\\d+ +0\n.*"), out);
        assertTrue(out.contains("user_redemptions_tenant_id_user_id_fkey"), out);
        assertTrue(out.contains("cannot cross (includes tenant_id)"), out);
        assertTrue(out.contains("Rows of " + tenant.tenant().slug() + " per table"), out);
        assertTrue(out.matches("(?s).*\\n" + tenant.tenant().slug() + " +" + tenant.tenant().id() + " +\\d+\\n.*"), out);
        assertTrue(out.matches("(?s).*\nOK: \\d+ tables, \\d+ tenants, 0 rows without a tenant, 0 rows pointing into another tenant.*"), out);

        Cli.Run unknown = Cli.run("tenants", "verify", "--tenant", "nadie-" + UUID.randomUUID());
        assertEquals(2, unknown.exit(), unknown.out());
        assertTrue(unknown.out().contains("no tenant has the slug"), unknown.out());
        assertFalse(unknown.out().contains("\tat "), unknown.out());
    }

    /**
     * Every foreign key of the app includes tenant_id, so a crossing row is made on a scratch table
     * of a scratch database: a nullable tenant_id and a key to customers by id alone.
     */
    @Test
    void aRowWithoutATenantAndARowPointingIntoAnotherTenantFail() throws Exception {
        try (ScratchDatabase scratch = new ScratchDatabase("ops_verify", "latest")) {
            var db = scratch.dsl();
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            db.execute("INSERT INTO tenants (id, slug, name) VALUES (?, 'tienda-a', 'A'), (?, 'tienda-b', 'B')", a, b);
            long customer = db.fetchSingle("INSERT INTO customers (tenant_id, name) VALUES (?, 'Ana') RETURNING id", a).get(0, Long.class);
            db.execute("CREATE TABLE public.ops_notes (id bigint PRIMARY KEY, tenant_id uuid, customer_id bigint REFERENCES public.customers (id))");
            db.execute("INSERT INTO ops_notes VALUES (1, ?, ?)", a, customer);
            Map<String, String> env = Map.of("DATABASE_URL", Cli.databaseUrl(scratch.dataSource(), "postgres", null));

            Cli.Run clean = Cli.run(env, "tenants", "verify");
            assertEquals(0, clean.exit(), clean.out());
            assertTrue(clean.out().contains("ops_notes_customer_id_fkey"), clean.out());

            db.execute("INSERT INTO ops_notes VALUES (2, ?, ?), (3, NULL, NULL)", b, customer);
            Cli.Run crossed = Cli.run(env, "tenants", "verify");
            assertEquals(1, crossed.exit(), crossed.out());
            String out = crossed.out();
            assertTrue(out.matches("(?s).*\nops_notes +3 +2 +1  ← must be 0\n.*"), out);
            assertTrue(out.matches("(?s).*\nops_notes_customer_id_fkey +ops_notes → customers +1  ← must be 0\n.*"), out);
            assertTrue(out.contains("FAILED: "), out);
            assertTrue(out.contains("1 row without a tenant, 1 row pointing into another tenant"), out);
        }
    }
}
