package dev.mostrador.platform.web;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Windows in PostgreSQL (rate_limit_windows, V048), shared by every instance: a hit is one upsert
 * that counts and answers in one round trip, the row lock settling concurrent hits exactly. The
 * minute is the database's, so instances whose clocks differ still share one window. The table is
 * UNLOGGED: no WAL, so a hit never waits for a disk flush; a crash of the server forgets the
 * current minute's counts, which a rate limit can afford.
 *
 * <p>Why not bucket4j's PostgreSQL backend: it takes SELECT … FOR UPDATE, UPDATE and COMMIT (three
 * round trips holding the row's lock) per hit, another transaction to peek, and token buckets
 * where the seed's limits are per calendar minute.
 */
public final class PostgresRateLimitStore implements RateLimitStore {
    private static final String MINUTE = "floor(extract(epoch FROM now()) / 60)::bigint";
    private static final String HIT = """
            INSERT INTO public.rate_limit_windows AS w (limiter, key, minute, hits)
            SELECT p.limiter, p.key, %s, 1 FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS p(limiter, key, i) ORDER BY p.i
            ON CONFLICT (limiter, key) DO UPDATE
                SET hits = CASE WHEN w.minute = excluded.minute THEN w.hits + 1 ELSE 1 END, minute = excluded.minute
            RETURNING limiter, key, hits""".formatted(MINUTE);
    private static final String CURRENT = """
            SELECT w.limiter, w.key, w.hits FROM public.rate_limit_windows w
            JOIN unnest(?::text[], ?::text[]) AS p(limiter, key) ON w.limiter = p.limiter AND w.key = p.key
            WHERE w.minute = %s""".formatted(MINUTE);
    private final DataSource dataSource;

    public PostgresRateLimitStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public int[] hit(List<Key> keys) {
        // Sorted, so that two instances counting the same keys lock their rows in one order (no deadlock).
        List<Key> sorted = keys.stream().distinct().sorted((a, b) -> a.limiter().equals(b.limiter())
                ? a.key().compareTo(b.key()) : a.limiter().compareTo(b.limiter())).toList();
        return query(HIT, sorted, keys);
    }

    @Override
    public int[] current(List<Key> keys) {
        return query(CURRENT, keys.stream().distinct().toList(), keys);
    }

    @Override
    public int purge() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("DELETE FROM public.rate_limit_windows WHERE minute < " + MINUTE)) {
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not purge the rate limits' windows: " + e.getMessage(), e);
        }
    }

    private int[] query(String sql, List<Key> sent, List<Key> asked) {
        Map<Key, Integer> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setArray(1, c.createArrayOf("text", sent.stream().map(Key::limiter).toArray()));
            st.setArray(2, c.createArrayOf("text", sent.stream().map(Key::key).toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) counts.put(new Key(rs.getString(1), rs.getString(2)), rs.getInt(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rate limit store: " + e.getMessage(), e);
        }
        return asked.stream().mapToInt(k -> counts.getOrDefault(k, 0)).toArray();
    }
}
