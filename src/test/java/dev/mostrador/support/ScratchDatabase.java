package dev.mostrador.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A database of its own on the tests' server, migrated up to a version ("latest" for all, null for
 * none: an empty database): a migration's test fills it as production would be before the
 * migration, then runs the rest. Dropped on close.
 */
public final class ScratchDatabase implements AutoCloseable {
    private final String name;
    private final HikariDataSource dataSource;

    public ScratchDatabase(String prefix, String migratedTo) {
        HikariDataSource main = (HikariDataSource) TestDatabase.get().dataSource();
        this.name = prefix + "_" + System.nanoTime();
        TestDatabase.get().dsl().execute("CREATE DATABASE " + name);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(main.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
        config.setUsername(main.getUsername());
        config.setPassword(main.getPassword());
        config.setMaximumPoolSize(2);
        this.dataSource = new HikariDataSource(config);
        if (migratedTo == null) return;
        FluentConfiguration before = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(migratedTo);
        before.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        before.load().migrate();
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** Its address for a process of the command line (DATABASE_URL), credentials included. */
    public String databaseUrl() {
        String url = dataSource.getJdbcUrl();
        String separator = url.contains("?") ? "&" : "?";
        if (dataSource.getUsername() != null && !url.contains("user=")) url += separator + "user=" + dataSource.getUsername();
        separator = url.contains("?") ? "&" : "?";
        return dataSource.getPassword() == null || url.contains("password=") ? url : url + separator + "password=" + dataSource.getPassword();
    }

    public DSLContext dsl() {
        return DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    @Override
    public void close() {
        dataSource.close();
        TestDatabase.get().dsl().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
