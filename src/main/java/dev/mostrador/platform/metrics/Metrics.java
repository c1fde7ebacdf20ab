package dev.mostrador.platform.metrics;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.mostrador.platform.jobs.Jobs;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.server.handler.QoSHandler;

import javax.sql.DataSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The app's meters in one Micrometer registry, scraped as Prometheus text by {@link MetricsEndpoint}:
 * requests per route template, the connection pool, the lines of waiting requests, the JVM, the
 * periodic jobs and the business counters. One per app (a test JVM may run several apps).
 */
public final class Metrics implements BusinessEvents, Jobs.Observer, AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Metrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /**
     * HikariCP's own meters (hikaricp_connections_active, _pending, _timeout_total, …). A pool
     * takes its tracker once: a pool shared by several apps (the tests') reports to the first.
     */
    public void pool(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari && hikari.getMetricsTrackerFactory() == null) {
            hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
    }

    /** A line of {@link dev.mostrador.platform.web.ActiveRequests}: its size, who waits, who waited, who was refused. */
    public void requestLine(String line, QoSHandler qos) {
        Gauge.builder("mostrador.requests.line.max", qos, QoSHandler::getMaxRequestCount).tag("line", line)
                .description("Requests served at once before the others wait").register(registry);
        Gauge.builder("mostrador.requests.line.waiting", qos, QoSHandler::getSuspendedRequestCount).tag("line", line)
                .description("Requests waiting their turn now").register(registry);
        FunctionCounter.builder("mostrador.requests.line.waited", qos, QoSHandler::getTotalSuspendedRequestCount).tag("line", line)
                .description("Requests that had to wait").register(registry);
        FunctionCounter.builder("mostrador.requests.line.refused", qos, q -> q.getTotalExceededRequestCount() + q.getTotalExpiredRequestCount())
                .tag("line", line).description("Requests answered 503: the line was full or the wait too long").register(registry);
    }

    /**
     * One answered request, under the route's template ("/clientes/{id}"), never the raw path: a
     * path per customer would make a series per customer. Unmatched paths (404s, static files) share one.
     */
    public void request(Context ctx, Float millis) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String route = endpoint != null ? endpoint.path : ctx.path().startsWith("/static/") ? "/static/*" : "unmatched";
        Timer.builder("http.server.requests").description("HTTP requests by route template, method and status")
                .tag("method", ctx.method().name()).tag("route", route).tag("status", String.valueOf(ctx.statusCode()))
                .register(registry).record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    }

    @Override
    public java.util.function.LongSupplier around(String name, java.util.function.LongSupplier job) {
        Timer timer = Timer.builder("mostrador.jobs.run").tag("job", name).description("Runs of a periodic job").register(registry);
        AtomicLong lastRun = new AtomicLong();
        Gauge.builder("mostrador.jobs.last.run", lastRun, AtomicLong::get).tag("job", name).baseUnit("seconds")
                .description("When the job last finished, seconds since the epoch (0: not yet)").register(registry);
        AtomicLong lastRows = new AtomicLong(-1);
        Gauge.builder("mostrador.jobs.last.rows", lastRows, AtomicLong::get).tag("job", name)
                .description("Rows the job's last run changed on this instance (-1: not counted or not yet)").register(registry);
        io.micrometer.core.instrument.Counter failures = io.micrometer.core.instrument.Counter.builder("mostrador.jobs.failures")
                .tag("job", name).description("Runs that threw").register(registry);
        return () -> {
            boolean ok = false;
            try {
                long rows = timer.recordCallable(job::getAsLong);
                lastRows.set(rows);
                ok = true;
                return rows;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e); // getAsLong throws no checked exception
            } finally {
                if (!ok) failures.increment();
                lastRun.set(System.currentTimeMillis() / 1000);
            }
        };
    }

    @Override
    public Counter counter(String name, String description, String... tags) {
        io.micrometer.core.instrument.Counter counter = io.micrometer.core.instrument.Counter.builder(name)
                .description(description).tags(tags).register(registry);
        return amount -> {
            if (amount > 0) counter.increment(amount);
        };
    }

    /** Prometheus text exposition format 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
