package dev.mostrador.platform.db;

import dev.mostrador.platform.migrationcheck.MigrationScript;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CREATE INDEX CONCURRENTLY that failed (a lock_timeout, a duplicate key) leaves its index behind, INVALID:
 * never used for reads, still written on every insert, and skipped by IF NOT EXISTS on the next run.
 */
final class InvalidIndexes {
    private static final Pattern CONCURRENT_INDEX = Pattern.compile(
            "(?is)CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?([A-Za-z0-9_]+)\"?");
    private final DataSource dataSource;

    InvalidIndexes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Drops the INVALID indexes that these scripts build concurrently, so that running them again builds them whole. */
    void dropLeftBy(List<MigrationScript> scripts) {
        List<String> names = new ArrayList<>();
        for (MigrationScript s : scripts) {
            Matcher m = CONCURRENT_INDEX.matcher(s.sql());
            while (m.find()) names.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        if (names.isEmpty()) return;
        try (Connection c = dataSource.getConnection();
             PreparedStatement invalid = c.prepareStatement("""
                     SELECT format('%I.%I', n.nspname, ic.relname) FROM pg_index i
                       JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
                      WHERE NOT i.indisvalid AND ic.relname = ANY (?)""")) {
            c.setAutoCommit(true);
            invalid.setArray(1, c.createArrayOf("text", names.toArray()));
            List<String> found = new ArrayList<>();
            try (ResultSet rs = invalid.executeQuery()) {
                while (rs.next()) found.add(rs.getString(1));
            }
            try (Statement drop = c.createStatement()) {
                for (String index : found) drop.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the INVALID indexes a failed migration left: " + e.getMessage(), e);
        }
    }
}
