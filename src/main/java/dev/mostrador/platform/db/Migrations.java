package dev.mostrador.platform.db;

import dev.mostrador.platform.migrationcheck.BlockedMigrationException;
import dev.mostrador.platform.migrationcheck.MigrationReview;
import dev.mostrador.platform.migrationcheck.MigrationScript;
import dev.mostrador.platform.migrationcheck.MigrationScripts;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flyway over the SQL files in {@code migrations/} (packaged as {@code db/migration}), plus any extra folders.
 * Before applying anything, the pending scripts go through {@code migrations check}: an un-accepted BLOCK
 * stops migrate. Every lock a migration waits for is bounded by a lock_timeout, and a migration that hit it
 * is retried (see {@link MigrationRetry}).
 */
public final class Migrations {
    private final Flyway flyway;
    private final MigrationSettings settings;

    public Migrations(DataSource dataSource) {
        this(dataSource, MigrationSettings.fromEnv(), null);
    }

    public Migrations(DataSource dataSource, MigrationSettings settings) {
        this(dataSource, settings, null);
    }

    /** Up to {@code targetVersion} only ("046"; null: all): a restore rebuilds its archive's schema, not today's. */
    public Migrations(DataSource dataSource, String targetVersion) {
        this(dataSource, MigrationSettings.fromEnv(), targetVersion);
    }

    public Migrations(DataSource dataSource, MigrationSettings settings, String targetVersion) {
        this.settings = settings;
        List<String> locations = new ArrayList<>(List.of("classpath:" + MigrationScripts.PACKAGED));
        settings.extraLocations().forEach(p -> locations.add("filesystem:" + p.toAbsolutePath()));
        FluentConfiguration config = Flyway.configure()
                .dataSource(new LockTimeoutDataSource(dataSource, settings.lockTimeout()))
                .locations(locations.toArray(String[]::new))
                .validateMigrationNaming(true);
        // Flyway's default lock is a transaction held open for the whole run; a migration that builds
        // an index CONCURRENTLY (outside a transaction) waits for it and never ends.
        config.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        if (targetVersion != null) config.target(targetVersion);
        this.flyway = config.load();
    }

    /** Applies the pending migrations; refuses (BlockedMigrationException) when the check finds an un-accepted BLOCK. */
    public int migrate() {
        List<MigrationScript> pending = pendingScripts();
        MigrationReview review = MigrationReview.of(pending);
        if (!review.passes()) throw new BlockedMigrationException(review.blocking());
        return new MigrationRetry(flyway, settings, pending).migrate();
    }

    /** The pending SQL scripts, in order, with their text (Java migrations are code, reviewed as code). */
    public List<MigrationScript> pendingScripts() {
        List<MigrationScript> scripts = new ArrayList<>();
        for (MigrationInfo m : flyway.info().pending()) {
            if (m.getScript() == null || !m.getScript().endsWith(".sql")) continue;
            MigrationScript script = MigrationScripts.packaged(m.getScript());
            for (Path folder : settings.extraLocations()) {
                if (script == null && Files.isRegularFile(folder.resolve(m.getScript()))) script = MigrationScripts.file(folder.resolve(m.getScript()));
            }
            if (script == null) throw new IllegalStateException("pending migration " + m.getScript() + " found by Flyway but not readable");
            scripts.add(script);
        }
        return scripts;
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
