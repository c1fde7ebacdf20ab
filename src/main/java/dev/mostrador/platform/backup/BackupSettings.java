package dev.mostrador.platform.backup;

import dev.mostrador.platform.config.Config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where backups go and whether one is taken before migrating: MOSTRADOR_BACKUP_DIR (default the
 * data folder's {@code backups/} with the embedded database, {@code ./backups} with DATABASE_URL),
 * MOSTRADOR_BACKUP_BEFORE_MIGRATE (default true) and MOSTRADOR_BACKUP_KEEP (automatic ones kept, default 10).
 */
public record BackupSettings(Path directory, boolean beforeMigrate, int keep) {

    public static BackupSettings fromEnv(Config config) {
        return from(System.getenv(), config);
    }

    public static BackupSettings from(Map<String, String> env, Config config) {
        String dir = env.get("MOSTRADOR_BACKUP_DIR");
        Path directory = dir != null && !dir.isBlank() ? Path.of(dir)
                : config.databaseUrl() == null ? config.dataDir().resolve("backups") : Path.of("backups");
        String before = env.getOrDefault("MOSTRADOR_BACKUP_BEFORE_MIGRATE", "true").trim();
        if (!before.equalsIgnoreCase("true") && !before.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("MOSTRADOR_BACKUP_BEFORE_MIGRATE must be true or false, got '" + before + "'");
        }
        String keep = env.getOrDefault("MOSTRADOR_BACKUP_KEEP", "10").trim();
        int kept;
        try {
            kept = Integer.parseInt(keep);
        } catch (NumberFormatException e) {
            kept = -1;
        }
        if (kept < 1) throw new IllegalArgumentException("MOSTRADOR_BACKUP_KEEP must be a whole number of 1 or more, got '" + keep + "'");
        return new BackupSettings(directory, Boolean.parseBoolean(before), kept);
    }
}
