-- Rate limits shared by every instance of the app (platform/web/PostgresRateLimitStore.java): one
-- row per limiter and key, its current one-minute window and the hits in it, counted by an upsert.
-- UNLOGGED: no WAL, so a hit never waits for a flush to disk; a crash forgets the current minute's
-- counts, which a rate limit can afford (and replicas never need them).
CREATE UNLOGGED TABLE rate_limit_windows (
    limiter text   NOT NULL,
    key     text   NOT NULL,
    minute  bigint NOT NULL,
    hits    int    NOT NULL CHECK (hits >= 1),
    PRIMARY KEY (limiter, key)
);
