package dev.mostrador.support;

import com.zaxxer.hikari.HikariDataSource;
import dev.mostrador.platform.db.Database;
import dev.mostrador.platform.db.DatabaseUrl;
import dev.mostrador.platform.db.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL per test JVM: TEST_DATABASE_URL if set, else Testcontainers when a Docker
 * engine answers, else embedded PostgreSQL. Migrated once; tests isolate by tenant.
 */
public final class TestDatabase {
    private static Database database;
    private static String description;

    private TestDatabase() {}

    public static synchronized Database get() {
        if (database != null) return database;
        String url = System.getenv("TEST_DATABASE_URL");
        DatabaseUrl address;
        if (url != null && !url.isBlank()) {
            address = DatabaseUrl.parse(url);
            description = "TEST_DATABASE_URL " + address.safeDescription();
        } else if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            address = new DatabaseUrl(container.getJdbcUrl(), container.getUsername(), container.getPassword());
            description = "Testcontainers " + container.getJdbcUrl();
        } else {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
                address = new DatabaseUrl(pg.getJdbcUrl("postgres", "postgres"), "postgres", null);
                description = "embedded PostgreSQL " + pg.getJdbcUrl("postgres", "postgres");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        HikariDataSource pool = Database.pool(address, 24);
        new Migrations(pool).migrate();
        System.out.println("[tests] database: " + description);
        database = Database.wrap(pool);
        return database;
    }

    public static String jdbcUrl() {
        return ((HikariDataSource) get().dataSource()).getJdbcUrl();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The number a counting query answers (-1 when it answers none). */
    public static int count(String sql, Object... args) {
        return get().dsl().fetchValue(sql, args) instanceof Number n ? n.intValue() : -1;
    }
}
