package dev.mostrador.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Periodic background work, run once per period across every instance of the app on the same
 * database: db-scheduler keeps a row per job in {@code scheduled_tasks}, and the instance that takes
 * the row (a conditional UPDATE) runs the job and sets its next time, {@code period} after the run
 * ended. Each run's time, duration and rows go to {@code job_runs} ({@link #lastRuns()}).
 *
 * <p>Register jobs with {@code every}, then {@link #start()}. A job still has to be safe when it runs
 * twice (an instance that died mid-run is detected by its missed heartbeats and the job runs again).
 */
public final class Jobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private final DataSource dataSource;
    private final Duration periodOverride;
    private final JobRunLog runs;
    private final String instance;
    private final List<RecurringTask<Void>> tasks = new ArrayList<>();
    private Duration shortest;
    private final Observer observer;
    private Scheduler scheduler;

    /** Wraps a job once, at registration, for every run (metrics time it, count its rows); jobs know nothing of it. */
    public interface Observer {
        LongSupplier around(String name, LongSupplier job);

        Observer NONE = (name, job) -> job;
    }

    /** {@code periodOverride}: when not null, every job's period (tests shorten them, MOSTRADOR_JOBS_PERIOD_SECONDS). */
    public Jobs(DataSource dataSource, Duration periodOverride, Observer observer) {
        this.dataSource = dataSource;
        this.observer = observer;
        this.periodOverride = periodOverride;
        this.runs = new JobRunLog(dataSource);
        this.instance = instanceName();
    }

    public Jobs(DataSource dataSource, Duration periodOverride) {
        this(dataSource, periodOverride, Observer.NONE);
    }

    public Jobs(DataSource dataSource) {
        this(dataSource, null, Observer.NONE);
    }

    /** A job whose rows are not counted. */
    public void every(String name, Duration period, Runnable job) {
        schedule(name, period, () -> {
            job.run();
            return -1;
        });
    }

    /** A job that returns how many rows it changed (deleted sessions, released reservations...): recorded with the run. */
    public void everyCountingRows(String name, Duration period, LongSupplier job) {
        schedule(name, period, job);
    }

    private synchronized void schedule(String name, Duration period, LongSupplier job) {
        if (scheduler != null) throw new IllegalStateException("job " + name + " registered after start()");
        Duration effective = periodOverride != null ? periodOverride : period;
        shortest = shortest == null || effective.compareTo(shortest) < 0 ? effective : shortest;
        LongSupplier observed = observer.around(name, job);
        tasks.add(Tasks.recurring(name, FixedDelay.of(effective)).execute((taskInstance, context) -> run(name, observed)));
    }

    private void run(String name, LongSupplier job) {
        long started = System.nanoTime();
        long rows = -1;
        String error = null;
        try {
            rows = job.getAsLong();
        } catch (RuntimeException e) {
            error = String.valueOf(e);
            // Caught: the job keeps its schedule (the next run one period later), as it did in process.
            log.error("job {} failed", name, e);
        }
        runs.record(name, (System.nanoTime() - started) / 1_000_000, rows < 0 ? null : rows, instance, error);
    }

    /** Starts polling for due jobs; does nothing when none was registered (MOSTRADOR_JOBS=false). */
    public synchronized void start() {
        if (tasks.isEmpty() || scheduler != null) return;
        // Due jobs are found by polling: often enough that a job runs within half its period of being due.
        Duration polling = clamp(shortest.dividedBy(2), Duration.ofMillis(500), Duration.ofSeconds(10));
        scheduler = Scheduler.create(dataSource)
                .startTasks(tasks)
                .threads(1) // one job at a time per instance, as before: jobs share the pool with requests
                .pollingInterval(polling)
                .heartbeatInterval(Duration.ofSeconds(30))
                .shutdownMaxWait(Duration.ofSeconds(10))
                .schedulerName(new SchedulerName.Fixed(instance))
                .build();
        scheduler.start();
        log.info("jobs: {} periodic jobs, run once per period across instances (this one is {})", tasks.size(), instance);
    }

    /** What every job did last, on whichever instance ran it. */
    public List<JobRun> lastRuns() {
        return runs.all();
    }

    /** This instance in scheduled_tasks.picked_by and job_runs.last_instance: host and process. */
    public String instance() {
        return instance;
    }

    private static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) scheduler.stop();
    }
}
