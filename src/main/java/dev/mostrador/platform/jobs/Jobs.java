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

    /** Wraps every run of a job (metrics time it); jobs know nothing of it. */
    public interface Observer {
        Runnable around(String name, Runnable job);

        Observer NONE = (name, job) -> job;
    }

    private final Observer observer;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mostrador-jobs");
        t.setDaemon(true);
        return t;
    });

    public Jobs() {
        this(Observer.NONE);
    }

    public Jobs(Observer observer) {
        this.observer = observer;
    }

    public void every(String name, Duration period, Runnable job) {
        Runnable observed = observer.around(name, job);
        executor.scheduleWithFixedDelay(() -> {
            try {
                observed.run();
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
