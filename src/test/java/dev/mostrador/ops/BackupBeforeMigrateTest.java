package dev.mostrador.ops;

import dev.mostrador.support.Cli;
import dev.mostrador.support.ScratchDatabase;
import dev.mostrador.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `migrate` and the app's start back up a database with data before applying pending migrations, and keep the last N. */
class BackupBeforeMigrateTest {
    @TempDir
    Path temp;

    @Test
    void migrateAndTheAppsStartTakeABackupOfAnOlderDatabaseWithData() throws Exception {
        Path backups = Files.createDirectories(temp.resolve("backups"));
        Files.writeString(backups.resolve("mostrador-20000101-000000-000-V001-before-migrate.zip"), "oldest automatic");
        Files.writeString(backups.resolve("mostrador-20000102-000000-000-V001-before-migrate.zip"), "older automatic");
        Files.writeString(backups.resolve("mostrador-19990101-000000-000-V001.zip"), "an operator's own");
        Path automatic;
        try (ScratchDatabase old = new ScratchDatabase("backup_premigrate", "030")) {
            old.dsl().execute("INSERT INTO tenants (slug, name) VALUES ('antes-de-migrar', 'Antes de migrar')");
            Map<String, String> env = Map.of("DATABASE_URL", old.databaseUrl(), "MOSTRADOR_BACKUP_DIR", backups.toString(),
                    "MOSTRADOR_BACKUP_KEEP", "2");

            Cli.Run migrate = Cli.run(env, "migrate");
            assertEquals(0, migrate.exit(), migrate.out());
            assertTrue(migrate.out().contains("Backup before migrating: "), migrate.out());
            List<String> files = names(backups);
            assertEquals(3, files.size(), files.toString());
            assertTrue(files.contains("mostrador-19990101-000000-000-V001.zip"), "an operator's own backup stays: " + files);
            assertTrue(files.contains("mostrador-20000102-000000-000-V001-before-migrate.zip"), files.toString());
            automatic = backups.resolve(files.stream().filter(f -> f.endsWith("-V030-before-migrate.zip")).findFirst().orElseThrow());

            Cli.Run nothingPending = Cli.run(env, "migrate");
            assertEquals(0, nothingPending.exit(), nothingPending.out());
            assertTrue(!nothingPending.out().contains("Backup before migrating"), nothingPending.out());
            assertEquals(files, names(backups), "no pending migration, no backup");
        }

        // The automatic backup restores at its own version (V030); the app's start then backs that folder up before migrating it.
        Path folder = temp.resolve("data");
        Map<String, String> embedded = new HashMap<>();
        embedded.put("DATABASE_URL", null);
        Cli.Run restore = Cli.run(embedded, "restore", "--into", folder.toString(), automatic.toString());
        assertEquals(0, restore.exit(), restore.out());
        assertTrue(restore.out().contains("schema V030"), restore.out());
        ServerProcess app = ServerProcess.start(folder, Map.of());
        try {
            List<String> taken = names(folder.resolve("backups"));
            assertEquals(1, taken.size(), taken.toString());
            assertTrue(taken.get(0).endsWith("-V030-before-migrate.zip"), taken.toString());
            assertTrue(app.log().matches("(?s).*backup before applying \\d+ pending migrations: .*-V030-before-migrate\\.zip.*"), app.log());
        } finally {
            app.stop();
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
