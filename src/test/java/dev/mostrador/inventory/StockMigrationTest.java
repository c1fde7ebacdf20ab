package dev.mostrador.inventory;

import dev.mostrador.platform.db.Migrations;
import dev.mostrador.support.ScratchDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V016/V017 on a catalogue that already has products: the stock columns arrive without rewriting
 * the table (same file on disk), every product starts at 0, and the CHECK ends validated.
 */
class StockMigrationTest {

    @Test
    void stockColumnsArriveWithoutRewritingAFullCatalogue() {
        try (ScratchDatabase scratch = new ScratchDatabase("stock_migration", "15")) {
            DSLContext db = scratch.dsl();
            db.execute("INSERT INTO tenants (slug, name) VALUES ('big', 'Big')");
            db.execute("INSERT INTO productos (tenant_id, sku, nombre, precio) SELECT (SELECT id FROM tenants WHERE slug = 'big'), "
                    + "'SKU-' || g, 'Producto ' || g, g % 1000 FROM generate_series(1, 100000) g");
            Object fileBefore = db.fetchValue("SELECT relfilenode FROM pg_class WHERE relname = 'productos'");

            new Migrations(scratch.dataSource()).migrate();

            assertEquals(fileBefore, db.fetchValue("SELECT relfilenode FROM pg_class WHERE relname = 'productos'"), "no table rewrite");
            assertEquals(100000, ((Number) db.fetchValue("SELECT count(*) FROM productos WHERE stock_total = 0 AND stock_reservado = 0 "
                    + "AND stock_vendido = 0 AND stock_minimo = 0")).intValue());
            assertTrue((Boolean) db.fetchValue("SELECT convalidated FROM pg_constraint WHERE conname = 'productos_stock_check'"));
        }
    }
}
