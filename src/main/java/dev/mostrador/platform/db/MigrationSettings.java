package dev.mostrador.platform.db;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How migrate behaves on a live database: each lock a migration waits for is bounded by {@code lockTimeout}
 * (a PostgreSQL duration: "5s", "500ms"; "0" waits forever), and a migration that hit it is retried
 * {@code retries} times, waiting {@code backoff}, then twice as long each time. {@code extraLocations} are
 * folders of migrations beside the packaged ones (MOSTRADOR_EXTRA_MIGRATIONS: for tests and site-specific
 * migrations, which go through the same check).
 */
public record MigrationSettings(String lockTimeout, int retries, Duration backoff, List<Path> extraLocations) {

    public static final MigrationSettings DEFAULTS = new MigrationSettings("5s", 4, Duration.ofSeconds(1), List.of());

    public MigrationSettings {
        if (!lockTimeout.matches("\\d{1,9}(ms|s|min)?")) {
            throw new IllegalArgumentException("MOSTRADOR_MIGRATION_LOCK_TIMEOUT must be a duration like 5s, 500ms or 0 (no limit), not: " + lockTimeout);
        }
        if (retries < 0) throw new IllegalArgumentException("MOSTRADOR_MIGRATION_RETRIES must be 0 or more, not: " + retries);
        extraLocations = List.copyOf(extraLocations);
    }

    public static MigrationSettings fromEnv() {
        return from(System.getenv());
    }

    public static MigrationSettings from(Map<String, String> env) {
        String retries = env.getOrDefault("MOSTRADOR_MIGRATION_RETRIES", String.valueOf(DEFAULTS.retries));
        if (!retries.strip().matches("\\d{1,3}")) {
            throw new IllegalArgumentException("MOSTRADOR_MIGRATION_RETRIES must be a whole number, not: " + retries);
        }
        List<Path> extra = new ArrayList<>();
        for (String folder : env.getOrDefault("MOSTRADOR_EXTRA_MIGRATIONS", "").split("[," + File.pathSeparator + "]")) {
            if (!folder.isBlank()) extra.add(Path.of(folder.strip()));
        }
        return new MigrationSettings(env.getOrDefault("MOSTRADOR_MIGRATION_LOCK_TIMEOUT", DEFAULTS.lockTimeout).strip(),
                Integer.parseInt(retries.strip()), DEFAULTS.backoff, extra);
    }

    public MigrationSettings withExtraLocation(Path folder) {
        List<Path> all = new ArrayList<>(extraLocations);
        all.add(folder);
        return new MigrationSettings(lockTimeout, retries, backoff, all);
    }

    public MigrationSettings withLockTimeout(String timeout, int retries, Duration backoff) {
        return new MigrationSettings(timeout, retries, backoff, extraLocations);
    }
}
