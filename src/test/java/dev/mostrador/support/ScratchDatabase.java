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

    /** Its address for a command's DATABASE_URL (a jdbc: URL with the user, and password if any). */
    public String databaseUrl() {
        String url = dataSource.getJdbcUrl() + (dataSource.getJdbcUrl().contains("?") ? "&" : "?") + "user=" + dataSource.getUsername();
        return dataSource.getPassword() == null ? url : url + "&password=" + dataSource.getPassword();
    }

    public HikariDataSource dataSource() {
        return dataSource;
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
