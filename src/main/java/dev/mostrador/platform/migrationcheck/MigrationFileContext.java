package dev.mostrador.platform.migrationcheck;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the statements before this one in the same file did, which decides how dangerous it is (as squawk
 * reads a file): a table created here is new and empty, a CHECK (col IS NOT NULL) validated here lets
 * SET NOT NULL skip its scan, a lock_timeout set here bounds every later lock wait.
 */
final class MigrationFileContext {
    final boolean transactional;
    private final Set<String> createdTables = new HashSet<>();
    private final Map<String, String> notNullChecks = new HashMap<>();
    private final Set<String> validatedNotNull = new HashSet<>();
    boolean lockTimeoutSet;
    boolean timeoutReported;
    SqlStatement openTransaction;

    MigrationFileContext(boolean transactional) {
        this.transactional = transactional;
    }

    /** Flyway's per-script setting: the file's header comment turns the transaction off. */
    static boolean transactional(String sql) {
        return !sql.replace(" ", "").toLowerCase(Locale.ROOT).contains("--flyway:executeintransaction=false");
    }

    static String tableName(String name) {
        String n = name.endsWith("*") ? name.substring(0, name.length() - 1) : name;
        return n.startsWith("PUBLIC.") ? n.substring("PUBLIC.".length()) : n;
    }

    void created(String table) {
        createdTables.add(tableName(table));
    }

    boolean isNew(String table) {
        return createdTables.contains(tableName(table));
    }

    void notNullCheckAdded(String constraint, String table, String column, boolean validated) {
        if (validated) validatedNotNull.add(tableName(table) + "." + column);
        else notNullChecks.put(constraint, tableName(table) + "." + column);
    }

    void validated(String constraint) {
        String column = notNullChecks.remove(constraint);
        if (column != null) validatedNotNull.add(column);
    }

    boolean hasValidatedNotNullCheck(String table, String column) {
        return validatedNotNull.contains(tableName(table) + "." + column);
    }
}
