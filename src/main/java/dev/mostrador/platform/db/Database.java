package dev.mostrador.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.mostrador.platform.config.Config;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/** The connection pool and jOOQ context, on the external server of DATABASE_URL or the embedded one. */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final EmbeddedDatabase embedded;
    private final String description;

    private Database(HikariDataSource dataSource, EmbeddedDatabase embedded, String description) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.description = description;
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES, new Settings().withRenderSchema(true));
    }

    /**
     * For a command: the configured database; on the embedded one while a Mostrador serves the same
     * folder, that server's database (as Django's manage.py works beside runserver), with a note on
     * stderr saying so. The command never starts a second server on the folder's files.
     */
    public static Database open(Config config) {
        if (config.databaseUrl() != null) return external(config);
        try {
            return embedded(config);
        } catch (EmbeddedDatabase.DataDirInUseException inUse) {
            // The app may still be starting its server: wait for it rather than fail.
            RunningServer server = RunningServer.await(config.dataDir(), 30_000).orElseThrow(() -> inUse);
            System.err.println("note: using the database of the running Mostrador (pid " + server.ownerPid() + ")");
            log.info("database: the embedded PostgreSQL of the running Mostrador (pid {}) on port {}", server.ownerPid(), server.port());
            DatabaseUrl url = new DatabaseUrl(server.jdbcUrl(), "postgres", null);
            return new Database(pool(url, config.dbPoolSize()), null,
                    "embedded " + config.dataDir().toAbsolutePath() + " (served by pid " + server.ownerPid() + ")");
        }
    }

    /** For the server: refuses (DataDirInUseException) a data folder another Mostrador already serves. */
    public static Database openToServe(Config config) {
        return config.databaseUrl() != null ? external(config) : embedded(config);
    }

    private static Database external(Config config) {
        DatabaseUrl url = DatabaseUrl.parse(config.databaseUrl());
        log.info("database: external PostgreSQL at {}", url.safeDescription());
        return new Database(pool(url, config.dbPoolSize()), null, "external " + url.safeDescription());
    }

    private static Database embedded(Config config) {
        EmbeddedDatabase embedded = EmbeddedDatabase.start(config.dataDir());
        log.info("database: embedded PostgreSQL with data in {}", config.dataDir().toAbsolutePath());
        try {
            DatabaseUrl url = new DatabaseUrl(embedded.jdbcUrl(), "postgres", null);
            return new Database(pool(url, config.dbPoolSize()), embedded, "embedded " + config.dataDir().toAbsolutePath());
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    public static Database wrap(HikariDataSource dataSource) {
        return new Database(dataSource, null, "given");
    }

    public static HikariDataSource pool(DatabaseUrl url, int size) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) hikari.setUsername(url.user());
        if (url.password() != null) hikari.setPassword(url.password());
        hikari.setMaximumPoolSize(size);
        hikari.setPoolName("mostrador");
        // A request waits at most this long for a connection; when the database is gone, the first
        // request finds out within it and the others get 503 at once (DatabaseAvailability).
        hikari.setConnectionTimeout(2_500);
        hikari.addDataSourceProperty("connectTimeout", "2");
        hikari.setInitializationFailTimeout(10_000);
        return new HikariDataSource(hikari);
    }

    /** After an outage: the embedded server, if it died, is started again; an external one is not ours to start. */
    public void restartEmbeddedIfGone() {
        if (embedded != null) embedded.restartIfGone();
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) embedded.close();
    }
}
