package dev.mostrador.platform;

import dev.mostrador.App;
import dev.mostrador.platform.db.EmbeddedDatabase;
import dev.mostrador.support.ServerProcess;
import dev.mostrador.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The zero-configuration database keeps what it acknowledged: the app and its PostgreSQL are
 * killed with SIGKILL in the middle of a burst of writes, and every row answered 201 is there
 * after the restart. A Java process killed alone leaves its PostgreSQL running; the next start
 * stops that server and starts again instead of failing.
 */
class CrashDurabilityTest {

    @Test
    void theEmbeddedServerRunsWithPostgresDurableSettings(@TempDir Path dir) {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir);
             var c = java.sql.DriverManager.getConnection(db.jdbcUrl());
             var st = c.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (var rs = st.executeQuery("SHOW " + setting)) {
                    rs.next();
                    assertEquals("on", rs.getString(1), setting);
                }
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillingTheAppAndItsPostgres(@TempDir Path dir) throws Exception {
        ServerProcess server = ServerProcess.start(dir, Map.of("MOSTRADOR_API_WRITES_PER_MINUTE", "100000000"));
        String token = server.adminToken();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        for (int w = 0; w < 8; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String sku = "W" + writer + "-" + i;
                    sent.incrementAndGet();
                    try {
                        HttpResponse<String> r = server.postJson("/api/productos", token,
                                "{\"sku\":\"" + sku + "\",\"nombre\":\"Producto " + sku + "\",\"precio\":1990}");
                        if (r.statusCode() == 201) acknowledged.add(sku);
                    } catch (Exception e) {
                        return; // the server is gone
                    }
                }
            });
        }
        while (acknowledged.size() < 300) Thread.sleep(20);
        ServerProcess.kill9(server.pid(), server.postmasterPid());
        stop.set(true);
        writers.shutdown();
        assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));

        try (App again = App.start(TestApp.config(Map.of("MOSTRADOR_DATA_DIR", dir.toString())))) {
            List<String> stored = again.database().dsl().fetch("SELECT sku FROM productos").getValues(0, String.class);
            Set<String> lost = new java.util.TreeSet<>(acknowledged);
            stored.forEach(lost::remove);
            assertTrue(lost.isEmpty(), lost.size() + " of " + acknowledged.size() + " acknowledged rows lost (" + sent.get()
                    + " sent): " + lost);
        }
    }

    @Test
    void aPostgresLeftRunningByAKilledAppIsStoppedAtTheNextStart(@TempDir Path dir) throws Exception {
        ServerProcess server = ServerProcess.start(dir, Map.of());
        long postmaster = server.postmasterPid();
        server.kill9();
        assertTrue(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
                "pg_ctl detaches PostgreSQL: it outlives the app killed with SIGKILL");

        ServerProcess again = ServerProcess.start(dir, Map.of());
        try {
            assertFalse(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false), "the leftover server was stopped");
            assertTrue(again.log().contains("left running by a Mostrador process"), again.log());
            assertEquals(200, again.get("/health").statusCode());
        } finally {
            again.stop();
        }
    }

    @Test
    void anEmbeddedPostgresKilledUnderTheAppIsStartedAgainByIt(@TempDir Path dir) throws Exception {
        ServerProcess server = ServerProcess.start(dir, Map.of());
        try {
            long postmaster = server.postmasterPid();
            ServerProcess.kill9(postmaster);
            assertEquals(503, server.get("/health").statusCode());
            long deadline = System.currentTimeMillis() + 30_000;
            int status = 0;
            while (System.currentTimeMillis() < deadline && (status = server.get("/health").statusCode()) != 200) Thread.sleep(250);
            assertEquals(200, status, server.log());
            assertTrue(server.postmasterPid() != postmaster);
            assertTrue(server.log().contains("is gone: starting it again"), server.log());
        } finally {
            server.stop();
        }
    }
}
