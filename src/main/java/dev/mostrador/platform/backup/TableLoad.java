package dev.mostrador.platform.backup;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads an archive's rows into a freshly migrated schema, in one transaction (all or nothing).
 * User triggers are off during the load: the archive holds the ledgers AND the counters they
 * keep, so a trigger applying a ledger row again would count it twice. Foreign-key checks stay
 * on (they are PostgreSQL's own triggers), which is why parents load before children.
 */
final class TableLoad {
    private TableLoad() {}

    static BackupRestore.Loaded load(BackupArchive archive, Connection connection) throws SQLException {
        BackupManifest manifest = archive.manifest();
        connection.setAutoCommit(false);
        try {
            Map<String, SchemaCatalog.Table> tables = SchemaCatalog.tables(connection).stream()
                    .collect(Collectors.toMap(SchemaCatalog.Table::label, Function.identity()));
            Map<String, BackupManifest.TableEntry> entries = manifest.tables().stream()
                    .collect(Collectors.toMap(BackupManifest.TableEntry::label, Function.identity()));
            requireSameTables(tables, entries);
            LoadOrder order = LoadOrder.of(List.copyOf(entries.keySet()), SchemaCatalog.foreignKeys(connection));
            try (Statement s = connection.createStatement()) {
                for (SchemaCatalog.Table t : tables.values()) s.execute("ALTER TABLE " + t.qualified() + " DISABLE TRIGGER USER");
                // Rows the migrations themselves inserted (a rollup's state row) come back from the archive instead.
                s.execute("TRUNCATE " + String.join(", ", tables.values().stream().map(SchemaCatalog.Table::qualified).toList()));
                for (SchemaCatalog.ForeignKey k : order.deferredKeys()) {
                    s.execute("ALTER TABLE " + SchemaCatalog.quoteLabel(k.child()) + " DROP CONSTRAINT " + SchemaCatalog.quote(k.name()));
                }
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long rows = 0;
            for (String label : order.tables()) rows += copyIn(archive, copy, tables.get(label), entries.get(label));
            try (Statement s = connection.createStatement()) {
                for (SchemaCatalog.ForeignKey k : order.deferredKeys()) {
                    s.execute("ALTER TABLE " + SchemaCatalog.quoteLabel(k.child()) + " ADD CONSTRAINT " + SchemaCatalog.quote(k.name())
                            + " " + k.definition());
                }
                for (SchemaCatalog.Table t : tables.values()) s.execute("ALTER TABLE " + t.qualified() + " ENABLE TRIGGER USER");
            }
            setSequences(connection, manifest.sequences());
            connection.commit();
            return new BackupRestore.Loaded(tables.size(), rows);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void requireSameTables(Map<String, SchemaCatalog.Table> tables, Map<String, BackupManifest.TableEntry> entries) {
        Set<String> onlyArchive = new TreeSet<>(entries.keySet());
        onlyArchive.removeAll(tables.keySet());
        Set<String> onlyTarget = new TreeSet<>(tables.keySet());
        onlyTarget.removeAll(entries.keySet());
        if (!onlyArchive.isEmpty() || !onlyTarget.isEmpty()) {
            throw new BackupException("the migrated schema does not match the archive: tables only in the archive " + onlyArchive
                    + ", only in the database " + onlyTarget);
        }
        for (BackupManifest.TableEntry e : entries.values()) {
            if (!new TreeSet<>(tables.get(e.label()).columns()).equals(new TreeSet<>(e.columns()))) {
                throw new BackupException("the columns of " + e.label() + " differ: archive " + e.columns() + ", database "
                        + tables.get(e.label()).columns());
            }
        }
    }

    private static long copyIn(BackupArchive archive, CopyManager copy, SchemaCatalog.Table table, BackupManifest.TableEntry entry)
            throws SQLException {
        MessageDigest sha256 = EntryHash.newSha256();
        try (InputStream in = new DigestInputStream(archive.entry(entry), sha256)) {
            String columns = String.join(", ", entry.columns().stream().map(SchemaCatalog::quote).toList());
            long rows = copy.copyIn("COPY " + table.qualified() + " (" + columns + ") FROM STDIN", in, 1 << 16);
            // Read again while loading: the file could have changed since it was verified.
            if (!HexFormat.of().formatHex(sha256.digest()).equals(entry.sha256())) {
                throw archive.damaged(entry, "its SHA-256 changed while it was loaded");
            }
            return rows;
        } catch (IOException e) {
            throw archive.damaged(entry, "it cannot be read (" + e.getMessage() + ")");
        }
    }

    private static void setSequences(Connection connection, List<BackupManifest.SequenceValue> sequences) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
            for (BackupManifest.SequenceValue v : sequences) {
                s.setString(1, SchemaCatalog.quote(v.schema()) + "." + SchemaCatalog.quote(v.name()));
                s.setLong(2, v.lastValue());
                s.setBoolean(3, v.isCalled());
                s.execute();
            }
        }
    }
}
