package dev.mostrador.platform.web;

import javax.sql.DataSource;

/** The app's rate limiters, all counting in one store (MOSTRADOR_RATE_LIMIT_STORE: memory or postgres). */
public final class RateLimits {
    private final RateLimitStore store;

    public RateLimits(RateLimitStore store) {
        this.store = store;
    }

    public static RateLimits of(String storeName, DataSource dataSource) {
        return new RateLimits(switch (storeName) {
            case "postgres" -> new PostgresRateLimitStore(dataSource);
            case "memory" -> new MemoryRateLimitStore();
            default -> throw new IllegalArgumentException("unknown rate limit store " + storeName);
        });
    }

    public static RateLimits inMemory() {
        return new RateLimits(new MemoryRateLimitStore());
    }

    /** A limiter of {@code perMinute} per key; {@code name} keeps its keys apart from other limiters' in the store. */
    public RateLimiter limiter(String name, int perMinute) {
        return new RateLimiter(store, name, perMinute);
    }

    /** Housekeeping (a periodic job): forgets past minutes' windows. */
    public int purge() {
        return store.purge();
    }

    public boolean shared() {
        return store instanceof PostgresRateLimitStore;
    }
}
