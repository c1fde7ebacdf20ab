package dev.mostrador.customers;

import dev.mostrador.platform.db.Migrations;
import dev.mostrador.support.ScratchDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * V037/V042-V044 on a tenant that already has customers: the stored search text arrives without
 * rewriting the table, the batched backfill fills every row as the search expression folds it,
 * the trigger keeps it in step with later inserts and edits, and the old expression index is gone.
 */
class CustomerSearchTextMigrationTest {
    private static final String SAME = "SELECT count(*) FROM customers WHERE search_text IS NOT DISTINCT FROM "
            + "customer_search_text(name, email, phone, phone_alt, tax_id)";

    @Test
    void existingCustomersAreBackfilledAndEditsKeepTheTextInStep() {
        try (ScratchDatabase scratch = new ScratchDatabase("search_text_migration", "36")) {
            DSLContext db = scratch.dsl();
            db.execute("INSERT INTO tenants (slug, name) VALUES ('big', 'Big')");
            db.execute("INSERT INTO customers (tenant_id, name, email, phone, tax_id) SELECT (SELECT id FROM tenants WHERE slug = 'big'), "
                    + "'Peña Ñuñez ' || g, 'C' || g || '@Correo.cl', '+56 9 ' || g, NULL FROM generate_series(1, 12001) g");
            Object fileBefore = db.fetchValue("SELECT relfilenode FROM pg_class WHERE relname = 'customers'");

            new Migrations(scratch.dataSource()).migrate();

            assertEquals(fileBefore, db.fetchValue("SELECT relfilenode FROM pg_class WHERE relname = 'customers'"), "no table rewrite");
            assertEquals(12001, ((Number) db.fetchValue(SAME)).intValue(), "every existing customer filled, across batches of 5,000");
            assertEquals(1, ((Number) db.fetchValue("SELECT count(*) FROM pg_stats WHERE tablename = 'customers' AND attname = 'search_text' "
                    + "AND null_frac < 1")).intValue(), "analyzed: the planner knows the column is filled");
            assertEquals("pena nunez 7 c7@correo.cl +56 9 7", db.fetchValue("SELECT search_text FROM customers WHERE name = 'Peña Ñuñez 7'"));
            db.execute("UPDATE customers SET name = 'Árbol Verde', tax_id = '12345678-5' WHERE name = 'Peña Ñuñez 7'");
            db.execute("INSERT INTO customers (tenant_id, name, phone_alt) SELECT id, 'José', '22 777' FROM tenants WHERE slug = 'big'");
            assertEquals(12002, ((Number) db.fetchValue(SAME)).intValue(), "an edit and an insert fold through the trigger");
            assertEquals("arbol verde c7@correo.cl +56 9 7 12345678-5",
                    db.fetchValue("SELECT search_text FROM customers WHERE name = 'Árbol Verde'"));
            assertEquals(1, ((Number) db.fetchValue("SELECT count(*) FROM pg_indexes WHERE indexname = 'customers_search_text_idx'")).intValue());
            assertNull(db.fetchValue("SELECT to_regclass('customers_search_idx')"), "the expression index dropped");
        }
    }
}
