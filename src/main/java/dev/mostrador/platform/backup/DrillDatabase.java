package dev.mostrador.platform.backup;

import com.zaxxer.hikari.HikariDataSource;
import dev.mostrador.platform.db.Database;
import dev.mostrador.platform.db.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away database for a restore drill, gone when closed: on the configured server
 * (CREATE DATABASE mostrador_drill_…, then DROP) or, with the embedded default, a temporary
 * embedded PostgreSQL in a temporary folder. Durability is off there: nothing in it outlives the drill.
 */
public final class DrillDatabase implements AutoCloseable {
    private final HikariDataSource pool;
    private final String description;
    private final Runnable dispose;

    private DrillDatabase(HikariDataSource pool, String description, Runnable dispose) {
        this.pool = pool;
        this.description = description;
        this.dispose = dispose;
    }

    public static DrillDatabase embedded() {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new BackupException("could not start a temporary embedded PostgreSQL for the drill: " + e.getMessage(), e);
        }
        HikariDataSource pool = Database.pool(new DatabaseUrl(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null), 2);
        return new DrillDatabase(pool, "a temporary embedded PostgreSQL", () -> {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // its folder is temporary
            }
        });
    }

    /** A new database beside the one of {@code databaseUrl}, on the same server (the role needs CREATEDB). */
    public static DrillDatabase onServer(String databaseUrl) {
        DatabaseUrl server = DatabaseUrl.parse(databaseUrl);
        String name = "mostrador_drill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        HikariDataSource admin = Database.pool(server, 1);
        try {
            execute(admin, "CREATE DATABASE " + name);
        } catch (SQLException e) {
            admin.close();
            throw new BackupException("could not create the drill's scratch database on " + server.safeDescription() + ": "
                    + e.getMessage() + " (the role needs CREATEDB)", e);
        }
        String jdbcUrl = server.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        HikariDataSource pool = Database.pool(new DatabaseUrl(jdbcUrl, server.user(), server.password()), 2);
        return new DrillDatabase(pool, "scratch database " + name, () -> {
            try {
                execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("warning: could not drop the drill's database " + name + ": " + e.getMessage());
            } finally {
                admin.close();
            }
        });
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        pool.close();
        dispose.run();
    }
}
