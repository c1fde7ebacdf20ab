package dev.mostrador.platform.web;

import java.util.List;

/**
 * Where {@link RateLimiter}s count their fixed one-minute windows: process memory (one instance),
 * or PostgreSQL, shared by every instance on the database. Each call is one look at the store
 * (one round trip for the shared one), whatever the number of keys.
 */
public interface RateLimitStore {

    /** A key of a limiter ("api-reads", "user:42"). */
    record Key(String limiter, String key) {}

    /** Counts one hit for each (distinct) key in its current minute; each window's count after it, in the keys' order. */
    int[] hit(List<Key> keys);

    /** Each key's count in the current minute (0 when none), in the keys' order. */
    int[] current(List<Key> keys);

    /** Forgets the windows of past minutes; returns how many. */
    int purge();
}
