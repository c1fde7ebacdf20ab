package dev.mostrador.platform.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Flyway over the SQL files in {@code migrations/} (packaged as {@code db/migration}). */
public final class Migrations {
    private final Flyway flyway;

    public Migrations(DataSource dataSource) {
        this(dataSource, null);
    }

    /** Up to {@code targetVersion} only ("046"; null: all): a restore rebuilds its archive's schema, not today's. */
    public Migrations(DataSource dataSource, String targetVersion) {
        FluentConfiguration config = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true);
        // Flyway's default lock is a transaction held open for the whole run; a migration that builds
        // an index CONCURRENTLY (outside a transaction) waits for it and never ends.
        config.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        if (targetVersion != null) config.target(targetVersion);
        this.flyway = config.load();
    }

    public int migrate() {
        return flyway.migrate().migrationsExecuted;
    }

    public Status status() {
        MigrationInfoService info = flyway.info();
        MigrationInfo current = info.current();
        List<Entry> entries = Arrays.stream(info.all())
                .map(m -> new Entry(String.valueOf(m.getVersion()), m.getDescription(), m.getState().getDisplayName(),
                        m.getInstalledOn() == null ? null : m.getInstalledOn().toInstant().toString()))
                .toList();
        return new Status(current == null ? null : current.getVersion().toString(), info.pending().length, entries);
    }

    /**
     * The checksum of every migration this build carries, by version (null for a Java migration):
     * a restore refuses an archive made from other files.
     */
    public Map<String, Integer> checksums() {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (MigrationInfo m : flyway.info().all()) {
            if (m.getVersion() != null) found.put(m.getVersion().toString(), m.getChecksum());
        }
        return found;
    }

    public record Status(String currentVersion, int pending, List<Entry> migrations) {}

    public record Entry(String version, String description, String state, String installedOn) {}
}
