package dev.mostrador.platform.backup;

import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.db.Database;
import dev.mostrador.platform.db.Migrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The backup every seed's checklist takes by hand before migrating: taken when migrations are
 * pending on a database that already has data (an applied migration and a tenant), so that
 * `migrate`, the app's start and every command that migrates first can be undone. A failed backup
 * stops the migration. Only the last MOSTRADOR_BACKUP_KEEP automatic backups are kept.
 */
public final class PreMigrationBackup {
    private static final Logger log = LoggerFactory.getLogger(PreMigrationBackup.class);
    public static final String KIND = "before-migrate";

    private PreMigrationBackup() {}

    public static Optional<BackupWriter.Result> takeIfNeeded(Database database, Config config, Migrations migrations) {
        BackupSettings settings = BackupSettings.fromEnv(config);
        if (!settings.beforeMigrate()) return Optional.empty();
        Migrations.Status status = migrations.status();
        if (status.pending() == 0 || status.currentVersion() == null || !hasTenants(database)) return Optional.empty();
        BackupWriter.Result result;
        try {
            result = BackupWriter.write(database.dataSource(), database.description(), settings.directory(), KIND);
        } catch (BackupException e) {
            throw new BackupException("the backup before migrating failed, so nothing was migrated: " + e.getMessage()
                    + " (MOSTRADOR_BACKUP_BEFORE_MIGRATE=false skips it)", e);
        }
        log.info("backup before applying {} pending migrations: {} ({} bytes)", status.pending(), result.file(), result.bytes());
        prune(settings.directory(), settings.keep());
        return Optional.of(result);
    }

    private static boolean hasTenants(Database database) {
        // An applied migration means V001's tenants table exists.
        return Boolean.TRUE.equals(database.dsl().fetchValue(
                "SELECT EXISTS (SELECT 1 FROM public.tenants)"));
    }

    /** Deletes the oldest automatic backups past the {@code keep} newest (their names sort by time); a user's own are never touched. */
    static void prune(Path directory, int keep) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> automatic = files.filter(f -> f.getFileName().toString().matches("mostrador-.*-" + KIND + "\\.zip"))
                    .sorted().toList();
            for (Path old : automatic.subList(0, Math.max(0, automatic.size() - keep))) {
                Files.deleteIfExists(old);
                log.info("deleted an old automatic backup: {}", old);
            }
        } catch (IOException e) {
            log.warn("could not prune old backups in {}: {}", directory, e.getMessage());
        }
    }
}
