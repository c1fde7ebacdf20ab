package dev.mostrador.platform.backup;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import javax.sql.DataSource;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the whole database (every tenant) to a zip, with no pg_dump: one REPEATABLE READ READ
 * ONLY transaction sees a single snapshot, so a ledger and its counter, written together by the
 * app, are read together too. Each table is a COPY text entry; the manifest comes last. The zip is
 * written under a temporary name, synced, and renamed: a crash leaves no half archive behind.
 */
public final class BackupWriter {
    public record Result(Path file, long bytes, BackupManifest manifest) {}

    public static final String NO_TENANT = "(none)";
    /** UTC, to the millisecond, so names sort by time and two backups in one second do not collide. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private BackupWriter() {}

    /**
     * Backs up to {@code fileOrDirectory}: a path ending in .zip is the file (never overwritten);
     * anything else is a folder that gets {@code mostrador-<time>-V<version>[-<kind>].zip}.
     */
    public static Result write(DataSource dataSource, String source, Path fileOrDirectory, String kind) {
        boolean named = fileOrDirectory.getFileName() != null && fileOrDirectory.getFileName().toString().endsWith(".zip");
        Path directory = (named ? fileOrDirectory.toAbsolutePath().getParent() : fileOrDirectory.toAbsolutePath());
        if (named && Files.exists(fileOrDirectory)) throw new BackupException(fileOrDirectory + " already exists: choose another name");
        Instant now = Instant.now();
        Path partial = directory.resolve(".mostrador-" + STAMP.format(now) + ".zip.partial");
        try {
            Files.createDirectories(directory);
            BackupManifest manifest;
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    manifest = writeZip(connection, source, partial, now);
                } finally {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
            Path file = named ? fileOrDirectory : directory.resolve("mostrador-" + STAMP.format(now) + "-V" + manifest.schemaVersion()
                    + (kind == null ? "" : "-" + kind) + ".zip");
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(directory);
            return new Result(file, Files.size(file), manifest);
        } catch (IOException e) {
            throw new BackupException("could not write the backup in " + directory + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new BackupException("could not read the database for the backup: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a leftover .partial file is named as one; the next backup writes over it
            }
        }
    }

    private static BackupManifest writeZip(Connection connection, String source, Path partial, Instant now) throws SQLException, IOException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
        List<BackupManifest.AppliedMigration> migrations = FlywayHistory.applied(connection);
        if (migrations.isEmpty()) {
            throw new BackupException("the database has no applied migrations: there is nothing of Mostrador's to back up");
        }
        List<SchemaCatalog.Table> tables = SchemaCatalog.tables(connection);
        if (!tables.isEmpty()) {
            // Keeps a migration from dropping or rewriting a table while it is read (as pg_dump does).
            try (Statement s = connection.createStatement()) {
                s.execute("LOCK TABLE " + String.join(", ", tables.stream().map(SchemaCatalog.Table::qualified).toList())
                        + " IN ACCESS SHARE MODE");
            }
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        List<BackupManifest.TableEntry> entries = new ArrayList<>();
        List<BackupManifest.SequenceValue> sequences = new ArrayList<>();
        try (FileOutputStream file = new FileOutputStream(partial.toFile());
             ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file, 1 << 16))) {
            for (SchemaCatalog.Table table : tables) {
                String entry = "data/" + table.label() + ".copy";
                zip.putNextEntry(new ZipEntry(entry));
                EntryHash hash = new EntryHash(zip);
                copy.copyOut("COPY " + table.qualified() + " (" + table.columnList() + ") TO STDOUT", hash);
                hash.close();
                zip.closeEntry();
                entries.add(new BackupManifest.TableEntry(table.schema(), table.name(), entry, table.columns(), hash.rows(),
                        table.tenantOwned() ? rowsByTenant(connection, table) : null, hash.hex()));
            }
            for (SchemaCatalog.Sequence sequence : SchemaCatalog.sequences(connection)) {
                try (PreparedStatement s = connection.prepareStatement("SELECT last_value, is_called FROM " + sequence.qualified());
                     ResultSet r = s.executeQuery()) {
                    r.next();
                    sequences.add(new BackupManifest.SequenceValue(sequence.schema(), sequence.name(), r.getLong(1), r.getBoolean(2)));
                }
            }
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, AppVersion.current(), now.toString(), source,
                    serverVersion(connection), FlywayHistory.current(migrations), migrations, entries, sequences);
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
            zip.write(manifest.toJson());
            zip.closeEntry();
            zip.finish();
            zip.flush();
            file.getFD().sync();
            return manifest;
        }
    }

    static Map<String, Long> rowsByTenant(Connection connection, SchemaCatalog.Table table) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT tenant_id::text, count(*) FROM " + table.qualified() + " GROUP BY 1");
             ResultSet r = s.executeQuery()) {
            while (r.next()) counts.put(r.getString(1) == null ? NO_TENANT : r.getString(1), r.getLong(2));
        }
        return counts;
    }

    private static String serverVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SHOW server_version")) {
            r.next();
            return "PostgreSQL " + r.getString(1);
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // some file systems cannot sync a directory; the file itself is synced
        }
    }
}
