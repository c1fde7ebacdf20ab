package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * V037's stored search text filled for the customers that existed before it, 5,000 rows a
 * transaction: each batch holds its rows' locks for milliseconds, never the table, so a form saving
 * a customer meanwhile waits at most one batch (one UPDATE of a million rows would hold them all
 * until it ends). Java because a SQL migration cannot commit between batches under Flyway (a DO
 * block's or a procedure's COMMIT is refused there: "invalid transaction termination"). Rows
 * written since V037 are filled by its trigger and skipped. 500,000 customers took 161 s on 2 busy
 * cores: the seeded table's pages are full, so no update is HOT and every index of the row is written.
 */
public class V042__customers_search_text_backfill extends BaseJavaMigration {
    private static final int BATCH = 5_000;

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try (PreparedStatement next = c.prepareStatement("SELECT max(id) FROM (SELECT id FROM customers WHERE id > ? ORDER BY id LIMIT " + BATCH + ") b");
             PreparedStatement fill = c.prepareStatement("UPDATE customers SET search_text = customer_search_text(name, email, phone, phone_alt, tax_id) "
                     + "WHERE id > ? AND id <= ? AND search_text IS NULL")) {
            long doneTo = 0;
            while (true) {
                next.setLong(1, doneTo);
                long upTo;
                try (ResultSet r = next.executeQuery()) {
                    r.next();
                    upTo = r.getLong(1);
                    if (r.wasNull()) break;
                }
                fill.setLong(1, doneTo);
                fill.setLong(2, upTo);
                fill.executeUpdate();
                doneTo = upTo;
            }
            // The planner's statistics of the new column, now rather than at autovacuum's next visit: until then it
            // reads search_text as all NULL and plans a common fragment's search as a rare one (60 ms instead of 1).
            try (var analyze = c.createStatement()) {
                analyze.execute("ANALYZE customers");
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
