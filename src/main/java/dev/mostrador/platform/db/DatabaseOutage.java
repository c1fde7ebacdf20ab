package dev.mostrador.platform.db;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * What an exception says about the database as a whole, as opposed to one bad statement: it cannot
 * be reached, it is gone, or its schema is not (or no longer) migrated. In words, for /health and
 * the logs, never as an exception class name.
 */
public record DatabaseOutage(Kind kind, String description) {
    public enum Kind {
        /** Cannot connect, or the connection broke: retry shortly. */
        UNREACHABLE,
        /** Every connection of the pool is busy: the database is fine, the app is overloaded. */
        BUSY,
        /** Connected, but the tables are missing: pending migrations. */
        NOT_MIGRATED
    }

    public static Optional<DatabaseOutage> of(Throwable error) {
        boolean poolTimeout = false;
        Optional<DatabaseOutage> bySqlState = Optional.empty();
        // The network's own words first (the driver wraps "connection refused" in a vaguer 08001).
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) poolTimeout = true;
            if (t instanceof ConnectException) return unreachable("the database server refuses connections");
            if (t instanceof UnknownHostException) return unreachable("the database host name does not resolve");
            if (t instanceof SocketTimeoutException) return unreachable("the database server does not answer in time");
            if (t instanceof SocketException) return unreachable("the connection to the database broke");
            if (bySqlState.isEmpty() && t instanceof SQLException sql && sql.getSQLState() != null) bySqlState = bySqlState(sql.getSQLState());
        }
        if (bySqlState.isPresent()) return bySqlState;
        // A pool timeout with no connection failure behind it: every connection is in use.
        if (poolTimeout) return Optional.of(new DatabaseOutage(Kind.BUSY, "every database connection is busy"));
        return Optional.empty();
    }

    private static Optional<DatabaseOutage> bySqlState(String state) {
        return switch (state) {
            case "3D000" -> unreachable("the database does not exist (was it dropped?)");
            case "28000", "28P01" -> unreachable("the database refuses the configured user or password");
            case "57P01", "57P02" -> unreachable("the database server was shut down");
            case "57P03" -> unreachable("the database server is starting up or in recovery");
            case "53300" -> unreachable("the database server has no free connections");
            case "42P01", "3F000" -> Optional.of(notMigrated());
            default -> state.startsWith("08") ? unreachable("the connection to the database failed") : Optional.empty();
        };
    }

    /** Connected, but migrations are pending (found by Flyway, or by a missing table). */
    public static DatabaseOutage notMigrated() {
        return new DatabaseOutage(Kind.NOT_MIGRATED,
                "the database has no Mostrador tables: its migrations are pending (run `mostrador migrate`, or restart the app)");
    }

    private static Optional<DatabaseOutage> unreachable(String description) {
        return Optional.of(new DatabaseOutage(Kind.UNREACHABLE, description));
    }
}
