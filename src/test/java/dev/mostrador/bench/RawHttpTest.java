package dev.mostrador.bench;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The load generator's client reads every kind of answer to its last byte, on one connection. */
class RawHttpTest {
    private static final String BIG = "x".repeat(300_000);
    private static Javalin server;
    private static String base;

    @BeforeAll
    static void start() {
        server = Javalin.create(cfg -> {
            cfg.routes.get("/port", ctx -> ctx.result(String.valueOf(ctx.req().getRemotePort())));
            cfg.routes.get("/fixed", ctx -> ctx.result("hello"));
            cfg.routes.get("/big", ctx -> ctx.result(BIG.getBytes(StandardCharsets.US_ASCII)));
            cfg.routes.get("/streamed", ctx -> ctx.result(new ByteArrayInputStream(BIG.getBytes(StandardCharsets.US_ASCII))));
            cfg.routes.post("/echo", ctx -> ctx.status(201).result(ctx.header("Content-Type") + " " + ctx.body()));
            cfg.routes.get("/bye", ctx -> ctx.header("Connection", "close").result("bye"));
        }).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void readsFixedChunkedAndPostedAnswersOnOneConnection() throws Exception {
        try (RawHttp http = new RawHttp("127.0.0.1", server.port())) {
            String port = http.send(RawHttp.encode(get("/port"))).start();
            RawHttp.Response fixed = http.send(RawHttp.encode(get("/fixed")));
            assertEquals(200, fixed.status());
            assertEquals("hello", fixed.start());

            RawHttp.Response big = http.send(RawHttp.encode(get("/big")));
            assertEquals(300_000, big.length());
            assertEquals(RawHttp.Response.HEAD, big.head().length);

            RawHttp.Response streamed = http.send(RawHttp.encode(get("/streamed")));
            assertEquals(300_000, streamed.length(), "chunked answer read to its end");

            RawHttp.Response posted = http.send(RawHttp.encode(HttpRequest.newBuilder(URI.create(base + "/echo?x=1"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"a\":\"ñ\"}")).build()));
            assertEquals(201, posted.status());
            assertEquals("application/json {\"a\":\"ñ\"}", posted.start());

            assertEquals(port, http.send(RawHttp.encode(get("/port"))).start(), "the same keep-alive connection throughout");
        }
    }

    @Test
    void opensANewConnectionAfterTheServerClosedOne() throws Exception {
        try (RawHttp http = new RawHttp("127.0.0.1", server.port())) {
            String port = http.send(RawHttp.encode(get("/port"))).start();
            assertEquals("bye", http.send(RawHttp.encode(get("/bye"))).start());
            String after = http.send(RawHttp.encode(get("/port"))).start();
            assertTrue(!after.isEmpty() && !after.equals(port), "reconnected: " + port + " then " + after);
        }
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).GET().build();
    }
}
