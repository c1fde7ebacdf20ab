package dev.mostrador.platform.db;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MigrationSettingsTest {

    @Test
    void defaultsAndVariables() {
        assertEquals(new MigrationSettings("5s", 4, Duration.ofSeconds(1), List.of()), MigrationSettings.from(Map.of()));
        MigrationSettings set = MigrationSettings.from(Map.of("MOSTRADOR_MIGRATION_LOCK_TIMEOUT", "750ms", "MOSTRADOR_MIGRATION_RETRIES", "0",
                "MOSTRADOR_EXTRA_MIGRATIONS", "/srv/a,/srv/b"));
        assertEquals("750ms", set.lockTimeout());
        assertEquals(0, set.retries());
        assertEquals(List.of(Path.of("/srv/a"), Path.of("/srv/b")), set.extraLocations());
    }

    @Test
    void aBadValueIsAOneLineErrorNamingTheVariable() {
        IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class,
                () -> MigrationSettings.from(Map.of("MOSTRADOR_MIGRATION_LOCK_TIMEOUT", "5'; DROP TABLE x; --")));
        assertEquals("MOSTRADOR_MIGRATION_LOCK_TIMEOUT must be a duration like 5s, 500ms or 0 (no limit), not: 5'; DROP TABLE x; --",
                timeout.getMessage());
        IllegalArgumentException retries = assertThrows(IllegalArgumentException.class,
                () -> MigrationSettings.from(Map.of("MOSTRADOR_MIGRATION_RETRIES", "many")));
        assertEquals("MOSTRADOR_MIGRATION_RETRIES must be a whole number, not: many", retries.getMessage());
    }
}
