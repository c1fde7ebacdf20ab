package dev.mostrador.platform.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.util.Arrays;
import java.util.List;

/**
 * Fixed one-minute windows per key (user or IP): the seed's "60 reads / 30 writes per minute". The
 * windows live in a {@link RateLimitStore}: this process's memory, or PostgreSQL shared by every
 * instance (see {@link RateLimits}); each method is one look at the store.
 */
public final class RateLimiter {
    private final RateLimitStore store;
    private final String name;
    private final int perMinute;

    /** A limiter of its own in this process's memory. */
    public RateLimiter(int perMinute) {
        this(new MemoryRateLimitStore(), "local", perMinute);
    }

    RateLimiter(RateLimitStore store, String name, int perMinute) {
        this.store = store;
        this.name = name;
        this.perMinute = perMinute;
    }

    /** A key of a limiter, to look at several limiters' keys at once. */
    public record Probe(RateLimiter limiter, String key) {}

    /** Counts one event for the key (e.g. a failed attempt) without refusing anything. */
    public int count(String key) {
        return store.hit(List.of(new RateLimitStore.Key(name, key)))[0];
    }

    /** Whether the key already used up this minute's allowance. */
    public boolean exceeded(String key) {
        return anyExceeded(new Probe(this, key));
    }

    /** Counts this request; throws 429 with Retry-After when the key used up its minute. */
    public void check(Context ctx, String key) {
        if (count(key) > perMinute) {
            long now = System.currentTimeMillis();
            long retryAfter = Math.max(1, ((now / 60_000 + 1) * 60_000 - now + 999) / 1000);
            ctx.header("Retry-After", String.valueOf(retryAfter));
            throw new HttpResponseException(429, "rate_limited");
        }
    }

    /** Whether any of the keys used up its limiter's minute: one look at the store for all of them. */
    public static boolean anyExceeded(Probe... probes) {
        int[] counts = storeOf(probes).current(keys(probes));
        for (int i = 0; i < probes.length; i++) {
            if (counts[i] >= probes[i].limiter().perMinute) return true;
        }
        return false;
    }

    /** Counts one event for each key: one look at the store for all of them. */
    public static void countAll(Probe... probes) {
        storeOf(probes).hit(keys(probes));
    }

    private static List<RateLimitStore.Key> keys(Probe... probes) {
        return Arrays.stream(probes).map(p -> new RateLimitStore.Key(p.limiter().name, p.key())).toList();
    }

    private static RateLimitStore storeOf(Probe... probes) {
        RateLimitStore store = probes[0].limiter().store;
        for (Probe p : probes) {
            if (p.limiter().store != store) throw new IllegalArgumentException("limiters of different stores: " + Arrays.toString(probes));
        }
        return store;
    }
}
