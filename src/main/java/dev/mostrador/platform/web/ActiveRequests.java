package dev.mostrador.platform.web;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.QoSHandler;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * At most a few requests run at once (by default one more than the cores, the classic size for
 * compute-bound work); the others wait in line, first come first served, without holding a
 * thread. Every request here is short and busy on the CPU or the database, so more of them at
 * once only share the same cores in ever smaller slices: under load that made each one slower
 * and the slowest ones much slower (16 simultaneous landing pages on 2 cores with the database on
 * the same machine: p99 17.9 ms unlimited, 8.4 ms four at a time, 6.2 ms three at a time, at 80%
 * more pages per second). Two at a time left the cores idle while large answers were written.
 * A request holds its place until its answer is written, so slow clients should reach the app
 * through a buffering reverse proxy (nginx, a cloud load balancer); with the database on another
 * machine a request spends more of its time waiting for it and a higher limit keeps the cores
 * busy. A request that waits longer than {@link #MAX_WAIT}, or finds {@link #MAX_WAITING}
 * already waiting, is answered 503. Health checks go first. Answers served from memory (the
 * cached public list of active ofertas, static files) do not wait at all: they need no turn of
 * the database and little of the CPU, and a turn held while 200 KB drain to a client kept the
 * others waiting (activas without compression, 16 clients: p99 4.6 ms in line, 2.6 ms outside).
 *
 * <p>Requests that are mostly one durable commit (a merchant's confirmation: one statement, then
 * waiting for the WAL to reach the disk) have a line of their own ({@link #durableCommits}):
 * while a commit waits for fdatasync it uses no CPU, and PostgreSQL flushes every commit waiting
 * at that moment in one go (group commit). Held to the CPU line's three at a time, at most three
 * commits shared a flush (0.68 flushes per confirmation on a durable server, 1.35 ms each on the
 * development machine's disk) and confirmations queued behind their own disk waits; in a line of
 * their own as many as the pool's spare connections wait together (seven by default: 0.32–0.45
 * flushes per confirmation; pgbench's 16 clients: 0.15–0.18).
 */
public final class ActiveRequests {
    public static final Duration MAX_WAIT = Duration.ofSeconds(10);
    public static final int MAX_WAITING = 2048;

    private ActiveRequests() {}

    /** @param servedFromMemory servlet path specs ("/exact", "/prefix/*") that never wait */
    public static QoSHandler handler(int maxActive, String... servedFromMemory) {
        return handler(maxActive, path -> false, servedFromMemory);
    }

    /**
     * @param otherLine        the paths of the requests that wait in another line ({@link #durableCommits})
     * @param servedFromMemory servlet path specs ("/exact", "/prefix/*") that never wait
     */
    public static QoSHandler handler(int maxActive, Predicate<String> otherLine, String... servedFromMemory) {
        QoSHandler qos = line(maxActive, "MOSTRADOR_MAX_ACTIVE_REQUESTS");
        if (servedFromMemory.length > 0) qos.excludePath(servedFromMemory);
        qos.exclude(request -> otherLine.test(Request.getPathInContext(request)));
        return qos;
    }

    /**
     * The line of the requests that are mostly one durable commit, at most {@code maxActive} at
     * once, for the paths {@code paths} accepts (and only those); put it inside {@link #handler},
     * given the same paths as its other line. (A test of the path rather than a path spec: a
     * regex spec cost every request of the app a match.)
     */
    public static QoSHandler durableCommits(int maxActive, Predicate<String> paths) {
        QoSHandler qos = line(maxActive, "MOSTRADOR_MAX_ACTIVE_CONFIRMATIONS");
        qos.include(request -> paths.test(Request.getPathInContext(request)));
        return qos;
    }

    private static QoSHandler line(int maxActive, String setting) {
        if (maxActive < 1) throw new IllegalArgumentException(setting + " must be at least 1, got " + maxActive);
        QoSHandler qos = new QoSHandler() {
            @Override
            protected int getPriority(Request request) {
                return "/health".equals(Request.getPathInContext(request)) ? 1 : 0;
            }
        };
        qos.setMaxRequestCount(maxActive);
        qos.setMaxSuspendedRequestCount(MAX_WAITING);
        qos.setMaxSuspend(MAX_WAIT);
        return qos;
    }
}
