package dev.mostrador.platform.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Periodic background work inside the app. Each job must be safe when several app instances run
 * it at once (they settle it in the database: advisory locks, SKIP LOCKED, idempotent deletes).
 */
public final class Jobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mostrador-jobs");
        t.setDaemon(true);
        return t;
    });

    public void every(String name, Duration period, Runnable job) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                log.error("job {} failed", name, e);
            }
        }, period.toSeconds(), period.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
