package dev.mostrador.platform.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed one-minute windows per key (user or IP), in process memory: the seed's "60 reads / 30
 * writes per minute". Each app instance counts on its own; a shared limit would need the
 * database or Redis on every request, which the latency targets do not allow.
 */
public final class RateLimiter {
    private final int perMinute;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(long minute, AtomicInteger count) {}

    public RateLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Counts one event for the key (e.g. a failed attempt) without refusing anything. */
    public int count(String key) {
        long minute = System.currentTimeMillis() / 60_000;
        Window window = windows.compute(key, (k, w) -> w == null || w.minute() != minute ? new Window(minute, new AtomicInteger()) : w);
        if (windows.size() > 100_000) windows.values().removeIf(w -> w.minute() < minute);
        return window.count().incrementAndGet();
    }

    /** Whether the key already used up this minute's allowance. */
    public boolean exceeded(String key) {
        Window w = windows.get(key);
        return w != null && w.minute() == System.currentTimeMillis() / 60_000 && w.count().get() >= perMinute;
    }

    /** Counts this request; throws 429 with Retry-After when the key used up its minute. */
    public void check(Context ctx, String key) {
        long now = System.currentTimeMillis();
        long minute = now / 60_000;
        if (count(key) > perMinute) {
            long retryAfter = Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000);
            ctx.header("Retry-After", String.valueOf(retryAfter));
            throw new HttpResponseException(429, "rate_limited");
        }
    }
}
