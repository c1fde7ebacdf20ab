package dev.mostrador.platform.backup;

import org.flywaydb.core.api.MigrationVersion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The versioned migrations Flyway applied to a database, read from its history table (empty when it has none). */
final class FlywayHistory {
    private FlywayHistory() {}

    static List<BackupManifest.AppliedMigration> applied(Connection connection) throws SQLException {
        if (!exists(connection)) return List.of();
        List<BackupManifest.AppliedMigration> applied = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT version, description, checksum FROM flyway_schema_history "
                + "WHERE success AND version IS NOT NULL ORDER BY installed_rank"); ResultSet r = s.executeQuery()) {
            while (r.next()) applied.add(new BackupManifest.AppliedMigration(r.getString(1), r.getString(2), (Integer) r.getObject(3)));
        }
        return applied;
    }

    private static boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT to_regclass('flyway_schema_history') IS NOT NULL");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getBoolean(1);
        }
    }

    /** The highest version, in Flyway's order ("046" after "9"). */
    static String current(List<BackupManifest.AppliedMigration> applied) {
        return applied.stream().map(m -> MigrationVersion.fromVersion(m.version())).max(Comparator.naturalOrder())
                .map(MigrationVersion::getVersion).orElse(null);
    }
}
