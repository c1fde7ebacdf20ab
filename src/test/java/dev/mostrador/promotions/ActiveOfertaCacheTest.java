package dev.mostrador.promotions;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mostrador.platform.tenants.Tenant;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.MockConnection;
import org.jooq.tools.jdbc.MockResult;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.mostrador.db.public_.Tables.OFERTAS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The cache's loading rules, against a fake database that counts and slows down its queries. */
class ActiveOfertaCacheTest {
    private static final Tenant TENANT = new Tenant(UUID.randomUUID(), "t", "T", ZoneId.of("America/Santiago"), "CLP", "es-CL");

    private final AtomicInteger queries = new AtomicInteger();
    private final DSLContext empty = DSL.using(SQLDialect.POSTGRES);
    private final ActiveOfertaCache active = new ActiveOfertaCache(new OfertaRepository(DSL.using(new MockConnection(ctx -> {
        queries.incrementAndGet();
        pause();
        return new MockResult[] {new MockResult(0, empty.newResult(OFERTAS))};
    }), SQLDialect.POSTGRES)), new ObjectMapper());

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void concurrentFirstRequestsLoadOnce() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    active.now(TENANT);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) t.join();
        assertEquals(1, queries.get(), "16 requests at once, one query");
        assertEquals("[]", java.nio.charset.StandardCharsets.UTF_8.decode(active.now(TENANT).json().slice()).toString());
        assertEquals(1, queries.get(), "then served from the cache");
    }

    @Test
    void aWriteDropsTheView() {
        active.now(TENANT);
        active.invalidate(TENANT.id());
        active.now(TENANT);
        assertEquals(2, queries.get());
    }
}
