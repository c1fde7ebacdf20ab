package dev.mostrador.promotions;

import dev.mostrador.support.Api;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.OfertasData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 000: 60 reads and 30 writes per minute per user; per IP for the public list. */
class RateLimitTest {

    @Test
    void readsPerUser() throws InterruptedException {
        awayFromTheMinuteBoundary();
        var t = Fixtures.tenant();
        Api oficina = new Api().withToken(Fixtures.apiToken(t.oficina()));
        int ok = 0;
        Api.Response last = null;
        for (int i = 0; i < 61; i++) {
            last = oficina.get("/api/ofertas");
            if (last.status() == 200) ok++;
        }
        assertEquals(429, last.status());
        assertEquals("too_many_requests", last.json().get("error").asText());
        int retryAfter = Integer.parseInt(last.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        Api vendedor = new Api().withToken(Fixtures.apiToken(t.vendedor()));
        assertEquals(200, vendedor.get("/api/ofertas").status(), "another user has their own budget");
    }

    @Test
    void writesPerUser() throws InterruptedException {
        awayFromTheMinuteBoundary();
        var t = Fixtures.tenant();
        Api admin = new Api().withToken(Fixtures.apiToken(t.admin()));
        int created = 0;
        int limited = 0;
        for (int i = 0; i < 31; i++) {
            int status = admin.post("/api/ofertas", OfertasData.tresPorDos()).status();
            if (status == 200) created++;
            if (status == 429) limited++;
        }
        assertEquals(30, created);
        assertEquals(1, limited);
        assertEquals(200, admin.get("/api/ofertas").status(), "reads have their own budget");
    }

    @Test
    void publicListPerIp() throws InterruptedException {
        awayFromTheMinuteBoundary();
        Api anonymous = new Api();
        int ok = 0;
        int status = 0;
        for (int i = 0; i < 61; i++) {
            status = anonymous.get("/api/ofertas/activas").status();
            if (status == 200) ok++;
        }
        assertEquals(60, ok);
        assertEquals(429, status);
        assertEquals(200, new Api().get("/api/ofertas/activas").status(), "another IP is not limited");
    }

    /** The windows are calendar minutes: start well inside one so the counts are exact. */
    static void awayFromTheMinuteBoundary() throws InterruptedException {
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 50_000) Thread.sleep(60_000 - intoMinute + 100);
    }
}
