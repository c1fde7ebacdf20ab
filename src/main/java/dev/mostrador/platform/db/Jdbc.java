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
