package dev.mostrador.platform.db;

import org.jooq.DSLContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain SQL through JDBC for the few hottest statements, on the connection of a jOOQ context (so
 * inside its transaction, if it has one). jOOQ renders or re-parses a query on every call, which
 * on these cost more CPU than PostgreSQL took to run them; everything else goes through jOOQ.
 */
public final class Jdbc {
    private Jdbc() {}

    /** Reads one row; called once per row of the result. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** A bind value sent as a PostgreSQL array of this element type ({@code ?::bigint[]}, {@code unnest(?::text[])}). */
    public record SqlArray(String elementType, Object[] values) {}

    public static SqlArray array(String elementType, Object[] values) {
        return new SqlArray(elementType, values);
    }

    /** A read to run now ({@link #list(DSLContext, Query)}) or later with others in one round trip ({@link #all}). */
    public record Query<T>(String sql, RowReader<T> reader, Object... binds) {}

    public static <T> List<T> list(DSLContext ctx, Query<T> query) {
        return list(ctx, query.sql(), query.reader(), query.binds());
    }

    /**
     * Several reads sent as one statement text in one round trip, their rows in the order given. pgjdbc sends each part as
     * its own prepared statement before a single Sync, so PostgreSQL runs them in one implicit transaction: a page of seven
     * parts borrowed a connection and waited for an answer seven times.
     */
    public static List<List<?>> all(DSLContext ctx, List<Query<?>> queries) {
        if (queries.size() == 1) return List.of(list(ctx, queries.get(0)));
        StringBuilder sql = new StringBuilder();
        List<Object> binds = new ArrayList<>();
        for (Query<?> q : queries) {
            sql.append(sql.length() == 0 ? "" : ";\n").append(q.sql());
            binds.addAll(java.util.Arrays.asList(q.binds()));
        }
        return ctx.connectionResult(connection -> {
            try (PreparedStatement statement = prepare(connection, sql.toString(), binds.toArray())) {
                statement.execute();
                List<List<?>> results = new ArrayList<>(queries.size());
                for (Query<?> q : queries) {
                    List<Object> found = new ArrayList<>();
                    try (ResultSet rows = statement.getResultSet()) {
                        while (rows.next()) found.add(q.reader().read(rows));
                    }
                    results.add(found);
                    statement.getMoreResults();
                }
                return results;
            }
        });
    }

    public static <T> List<T> list(DSLContext ctx, String sql, RowReader<T> reader, Object... binds) {
        return ctx.connectionResult(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, binds); ResultSet rows = statement.executeQuery()) {
                List<T> found = new ArrayList<>();
                while (rows.next()) found.add(reader.read(rows));
                return found;
            }
        });
    }

    public static void execute(DSLContext ctx, String sql, Object... binds) {
        ctx.connection(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, binds)) {
                statement.execute();
            }
        });
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object[] binds) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < binds.length; i++) {
                if (binds[i] instanceof SqlArray a) statement.setArray(i + 1, connection.createArrayOf(a.elementType(), a.values()));
                else statement.setObject(i + 1, binds[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
