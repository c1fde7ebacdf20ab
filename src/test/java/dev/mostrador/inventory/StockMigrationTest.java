package dev.mostrador.inventory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.mostrador.platform.db.Migrations;
import dev.mostrador.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
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
        HikariDataSource main = (HikariDataSource) TestDatabase.get().dataSource();
        String name = "stock_migration_" + System.nanoTime();
        TestDatabase.get().dsl().execute("CREATE DATABASE " + name);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(main.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
        config.setUsername(main.getUsername());
        config.setPassword(main.getPassword());
        config.setMaximumPoolSize(2);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            FluentConfiguration before = Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("15");
            before.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
            before.load().migrate();
            DSLContext db = DSL.using(ds, org.jooq.SQLDialect.POSTGRES);
            db.execute("INSERT INTO tenants (slug, name) VALUES ('big', 'Big')");
            db.execute("INSERT INTO productos (tenant_id, sku, nombre, precio) SELECT (SELECT id FROM tenants WHERE slug = 'big'), "
                    + "'SKU-' || g, 'Producto ' || g, g % 1000 FROM generate_series(1, 100000) g");
            Object fileBefore = db.fetchValue("SELECT relfilenode FROM pg_class WHERE relname = 'productos'");

            new Migrations(ds).migrate();

            assertEquals(fileBefore, db.fetchValue("SELECT relfilenode FROM pg_class WHERE relname = 'productos'"), "no table rewrite");
            assertEquals(100000, ((Number) db.fetchValue("SELECT count(*) FROM productos WHERE stock_total = 0 AND stock_reservado = 0 "
                    + "AND stock_vendido = 0 AND stock_minimo = 0")).intValue());
            assertTrue((Boolean) db.fetchValue("SELECT convalidated FROM pg_constraint WHERE conname = 'productos_stock_check'"));
        } finally {
            TestDatabase.get().dsl().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
