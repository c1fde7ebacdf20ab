package dev.mostrador.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mostrador.inventory.StockCheck;
import dev.mostrador.rewards.ledger.LumisBalanceCheck;
import dev.mostrador.support.Cli;
import dev.mostrador.support.ScratchDatabase;
import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * backup and restore as an operator runs them (separate processes): on an external database (a
 * scratch one on the tests' server) and on the embedded one of a data folder.
 */
class BackupRestoreTest {
    @TempDir
    Path temp;

    @Test
    void anExternalDatabaseIsBackedUpDrilledAndRestoredAndBadArchivesOrTargetsAreRefused() throws Exception {
        try (ScratchDatabase source = new ScratchDatabase("backup_source", "latest");
             ScratchDatabase empty = new ScratchDatabase("backup_target", null)) {
            BackupData.seed(source.dsl());
            Map<String, Long> counts = BackupData.counts(source.dsl());
            long rows = counts.entrySet().stream().filter(e -> !e.getKey().contains(" ")).mapToLong(Entry::getValue).sum();
            Map<String, String> env = Map.of("DATABASE_URL", source.databaseUrl());

            Cli.Run backup = Cli.run(env, "backup", "--to", temp.toString());
            assertEquals(0, backup.exit(), backup.out());
            Path archive = BackupData.written(backup.out());
            String version = "V" + source.dsl().fetchValue("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                    + " ORDER BY installed_rank DESC LIMIT 1");
            assertTrue(archive.getFileName().toString().matches("mostrador-\\d{8}-\\d{6}-\\d{3}-" + version + "\\.zip"), archive.toString());
            assertTrue(backup.out().contains(rows + " rows, 2 tenants, schema " + version), backup.out());
            JsonNode manifest = new ObjectMapper().readTree(BackupData.manifest(archive));
            assertFalse(manifest.get("source").asText().contains("password"), "no credentials in the manifest");
            assertEquals(((Number) source.dsl().fetchValue("SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL")).longValue(),
                    (long) manifest.get("migrations").size(), "every applied migration with its checksum");

            long drillsBefore = drillDatabases();
            Cli.Run drill = Cli.run(env, "restore", "--drill", archive.toString());
            assertEquals(0, drill.exit(), drill.out());
            assertTrue(drill.out().matches("(?s).*all \\d+ checks passed.*"), drill.out());
            long customers = counts.get("public.customers");
            assertTrue(drill.out().matches("(?s).*rows public\\.customers \\(2 tenants, each equal\\) +" + customers + " +" + customers + "  ok.*"),
                    drill.out());
            assertTrue(drill.out().contains("lümis ledger = balance (every customer)"), drill.out());
            assertEquals(drillsBefore, drillDatabases(), "the drill's scratch database is dropped");

            Cli.Run into = Cli.run(env, "restore", "--into", empty.databaseUrl(), archive.toString());
            assertEquals(0, into.exit(), into.out());
            assertEquals(counts, BackupData.counts(empty.dsl()), "every table and every tenant's rows");
            assertEquals(0, LumisBalanceCheck.drifts(empty.dsl()));
            assertEquals(List.of(), new StockCheck(empty.dsl()).drifts());
            assertEquals(0L, ((Number) empty.dsl().fetchValue("SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                    + "WHERE NOT t.tgisinternal AND t.tgenabled <> 'O'")).longValue(), "user triggers are on again");
            assertEquals(Boolean.TRUE, empty.dsl().fetchValue(
                    "SELECT last_value >= (SELECT max(id) FROM fact_accumulations) FROM fact_accumulations_id_seq"), "sequences continue after the restored ids");

            Cli.Run again = Cli.run(env, "restore", "--into", empty.databaseUrl(), archive.toString());
            assertEquals(2, again.exit(), again.out());
            assertTrue(again.out().contains("it is not empty"), again.out());

            Path flipped = Files.copy(archive, temp.resolve("flipped.zip"));
            byte[] bytes = Files.readAllBytes(flipped);
            bytes[middleOfEntry(bytes, "data/public.customers.copy")] ^= 0x5a;
            Files.write(flipped, bytes);
            Cli.Run damaged = Cli.run(env, "restore", "--drill", flipped.toString());
            assertEquals(2, damaged.exit(), damaged.out());
            assertTrue(damaged.out().contains("is damaged") || damaged.out().contains("was altered"), damaged.out());
            assertFalse(damaged.out().contains("\tat "), "no stack trace: " + damaged.out());

            // A valid archive of wrong data: one customer's balance off its ledger, one table's count off the manifest.
            List<String> customerColumns = new ArrayList<>();
            for (JsonNode t : manifest.get("tables")) {
                if (t.get("table").asText().equals("customers")) t.get("columns").forEach(c -> customerColumns.add(c.asText()));
            }
            Path wrong = ArchiveEdits.editRows(archive, temp.resolve("balance.zip"), "public.customers",
                    text -> BackupData.shiftFirstRow(text, customerColumns, "lumis_balance", 7));
            wrong = ArchiveEdits.miscount(wrong, temp.resolve("wrong.zip"), "public.pedidos", 1);
            Cli.Run differs = Cli.run(env, "restore", "--drill", wrong.toString());
            assertEquals(1, differs.exit(), differs.out());
            assertTrue(differs.out().matches("(?s).*lümis ledger = balance \\(every customer\\) +0 rows off +1 rows off +DIFFERS.*"), differs.out());
            assertTrue(differs.out().matches("(?s).*rows public\\.pedidos[^\n]* +" + (counts.get("public.pedidos") + 1) + " +"
                    + counts.get("public.pedidos") + " +DIFFERS.*"), differs.out());
            assertTrue(differs.out().contains("2 of "), differs.out());
        }
    }

    /**
     * A byte in the middle of an entry's compressed data: a byte anywhere in the file may land in a header field no restore
     * reads (an entry's time), which changes nothing restored.
     */
    private static int middleOfEntry(byte[] zip, String name) {
        byte[] wanted = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(zip).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 30 < zip.length; at++) {
            if (b.getInt(at) != 0x04034b50) continue; // a local file header
            int nameLength = Short.toUnsignedInt(b.getShort(at + 26));
            int extraLength = Short.toUnsignedInt(b.getShort(at + 28));
            if (nameLength == wanted.length && java.util.Arrays.equals(zip, at + 30, at + 30 + nameLength, wanted, 0, wanted.length)) {
                int data = at + 30 + nameLength + extraLength;
                int next = data + 1;
                while (next + 4 < zip.length && b.getInt(next) != 0x04034b50 && b.getInt(next) != 0x02014b50) next++;
                return data + (next - data) / 2;
            }
        }
        throw new AssertionError(name + " not in the archive");
    }

    @Test
    void theEmbeddedDatabaseOfADataFolderIsRestoredBackedUpAndDrilled() throws Exception {
        Path archive;
        Map<String, Long> counts;
        try (ScratchDatabase source = new ScratchDatabase("backup_embedded", "latest")) {
            BackupData.seed(source.dsl());
            counts = BackupData.counts(source.dsl());
            Cli.Run backup = Cli.run(Map.of("DATABASE_URL", source.databaseUrl()), "backup", "--to", temp.resolve("source.zip").toString());
            assertEquals(0, backup.exit(), backup.out());
            archive = temp.resolve("source.zip");
        }
        Path folder = temp.resolve("data");
        Map<String, String> embedded = new HashMap<>();
        embedded.put("DATABASE_URL", null);
        embedded.put("MOSTRADOR_BACKUP_DIR", null);
        embedded.put("MOSTRADOR_DATA_DIR", folder.toString());

        Cli.Run into = Cli.run(embedded, "restore", "--into", folder.toString(), archive.toString());
        assertEquals(0, into.exit(), into.out());
        assertTrue(into.out().contains("restored into embedded " + folder.toAbsolutePath()), into.out());
        assertTrue(into.out().matches("(?s).*all \\d+ checks passed.*"), into.out());

        Cli.Run refused = Cli.run(embedded, "restore", "--into", folder.toString(), archive.toString());
        assertEquals(2, refused.exit(), refused.out());
        assertTrue(refused.out().contains("refusing to restore into the data folder"), refused.out());

        Cli.Run backup = Cli.run(embedded, "backup", "--drill");
        assertEquals(0, backup.exit(), backup.out());
        Path written = BackupData.written(backup.out());
        assertEquals(folder.resolve("backups").toAbsolutePath(), written.getParent(), "the data folder's backups/ by default");
        assertTrue(backup.out().contains("restored into a temporary embedded PostgreSQL"), backup.out());
        assertTrue(backup.out().matches("(?s).*all \\d+ checks passed.*"), backup.out());
        long rows = counts.entrySet().stream().filter(e -> !e.getKey().contains(" ")).mapToLong(Entry::getValue).sum();
        assertTrue(backup.out().contains(rows + " rows, 2 tenants"), "the same rows as the external source: " + backup.out());
    }

    private static long drillDatabases() {
        return ((Number) TestDatabase.get().dsl().fetchValue("SELECT count(*) FROM pg_database WHERE datname LIKE 'mostrador\\_drill\\_%'")).longValue();
    }
}
