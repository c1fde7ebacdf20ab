package dev.mostrador.platform.backup;

import dev.mostrador.platform.db.Migrations;
import org.flywaydb.core.api.MigrationVersion;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Restores an archive into an empty database: its schema from the app's own migrations at the
 * archive's version (refused when this build's files differ from the ones that made it), then
 * its rows by {@link TableLoad}. The archive is proven whole before the target is touched.
 */
public final class BackupRestore {
    private BackupRestore() {}

    /** What was loaded: tables and rows. */
    public record Loaded(int tables, long rows) {}

    public static Loaded into(BackupArchive archive, DataSource target, String targetDescription) {
        BackupManifest manifest = archive.manifest();
        archive.verify();
        requireEmpty(target, targetDescription);
        Migrations migrations = new Migrations(target, manifest.schemaVersion());
        requireSameMigrations(migrations.checksums(), manifest);
        migrations.migrate();
        try (Connection connection = target.getConnection()) {
            List<BackupManifest.AppliedMigration> applied = FlywayHistory.applied(connection);
            if (!versions(applied).equals(versions(manifest.migrations()))) {
                throw new BackupException("the migrated target's history differs from the archive's: " + versions(applied).keySet()
                        + " against " + versions(manifest.migrations()).keySet());
            }
            return TableLoad.load(archive, connection);
        } catch (SQLException e) {
            throw new BackupException("the restore into " + targetDescription + " failed and was rolled back: " + e.getMessage(), e);
        }
    }

    private static void requireEmpty(DataSource target, String description) {
        try (Connection connection = target.getConnection()) {
            long relations = SchemaCatalog.userRelations(connection);
            if (relations > 0) {
                throw new BackupException("refusing to restore into " + description + ": it is not empty (" + relations
                        + " tables, views or sequences). Restore into a new, empty database or data folder.");
            }
        } catch (SQLException e) {
            throw new BackupException("cannot reach " + description + ": " + e.getMessage(), e);
        }
    }

    /** Every migration of the archive must be in this build with the same checksum: the schema comes from those files. */
    static void requireSameMigrations(Map<String, Integer> build, BackupManifest manifest) {
        Map<MigrationVersion, Integer> ours = new HashMap<>();
        build.forEach((v, c) -> ours.put(MigrationVersion.fromVersion(v), c));
        for (BackupManifest.AppliedMigration m : manifest.migrations()) {
            MigrationVersion version = MigrationVersion.fromVersion(m.version());
            if (!ours.containsKey(version)) {
                throw new BackupException("the archive was made at schema V" + manifest.schemaVersion() + " with migration V" + m.version()
                        + ", which this build of Mostrador does not have: restore it with the version that made it (" + manifest.app() + ")");
            }
            if (!Objects.equals(ours.get(version), m.checksum())) {
                throw new BackupException("migration V" + m.version() + " (" + m.description() + ") of this build has checksum "
                        + ours.get(version) + ", the archive's database was migrated with " + m.checksum()
                        + ": the schema would not be the one its rows came from. Nothing was restored.");
            }
        }
    }

    private static Map<MigrationVersion, Integer> versions(List<BackupManifest.AppliedMigration> migrations) {
        Map<MigrationVersion, Integer> found = new TreeMap<>();
        for (BackupManifest.AppliedMigration m : migrations) found.put(MigrationVersion.fromVersion(m.version()), m.checksum());
        return found;
    }
}
