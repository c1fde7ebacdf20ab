package dev.mostrador.platform.web;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.QoSHandler;

import java.time.Duration;

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
 */
public final class ActiveRequests {
    public static final Duration MAX_WAIT = Duration.ofSeconds(10);
    public static final int MAX_WAITING = 2048;

    private ActiveRequests() {}

    /** @param servedFromMemory servlet path specs ("/exact", "/prefix/*") that never wait */
    public static QoSHandler handler(int maxActive, String... servedFromMemory) {
        if (maxActive < 1) throw new IllegalArgumentException("MOSTRADOR_MAX_ACTIVE_REQUESTS must be at least 1, got " + maxActive);
        QoSHandler qos = new QoSHandler() {
            @Override
            protected int getPriority(Request request) {
                return "/health".equals(Request.getPathInContext(request)) ? 1 : 0;
            }
        };
        qos.setMaxRequestCount(maxActive);
        qos.setMaxSuspendedRequestCount(MAX_WAITING);
        qos.setMaxSuspend(MAX_WAIT);
        if (servedFromMemory.length > 0) qos.excludePath(servedFromMemory);
        return qos;
    }
}
