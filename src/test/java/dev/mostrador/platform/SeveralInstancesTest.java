package dev.mostrador.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.ScratchDatabase;
import dev.mostrador.support.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three instances of the app, three processes started at once on one empty external database:
 * they migrate it once, run each periodic job once per period between them, and share their rate
 * limits (the API's, the merchants' unknown-code guard) through the database.
 */
class SeveralInstancesTest {
    static final int READS_PER_MINUTE = 12;
    static final int UNKNOWN_CODES_PER_MINUTE = 4;
    static final int JOB_PERIOD_SECONDS = 2;
    static ScratchDatabase db;
    static final List<ServerProcess> instances = new ArrayList<>();

    @BeforeAll
    static void startThreeAtOnce() throws Exception {
        db = new ScratchDatabase("instances", null);
        Map<String, String> env = Map.of(
                "MOSTRADOR_JOBS", "true",
                "MOSTRADOR_JOBS_PERIOD_SECONDS", String.valueOf(JOB_PERIOD_SECONDS),
                "MOSTRADOR_API_READS_PER_MINUTE", String.valueOf(READS_PER_MINUTE),
                "MOSTRADOR_UNKNOWN_CODES_PER_MINUTE", String.valueOf(UNKNOWN_CODES_PER_MINUTE),
                "MOSTRADOR_DB_POOL_SIZE", "4");
        for (int i = 0; i < 3; i++) instances.add(ServerProcess.spawnOn(db.databaseUrl(), env));
        for (ServerProcess instance : instances) instance.awaitHealthy();
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServerProcess instance : instances) instance.stop();
        if (db != null) db.close();
    }

    @Test
    void threeInstancesStartedAtOnceMigrateOnce() throws Exception {
        var history = db.dsl().fetchOne("SELECT count(*), count(DISTINCT version), max(version::int) FROM flyway_schema_history "
                + "WHERE version IS NOT NULL");
        assertEquals(history.get(0, Long.class), history.get(1, Long.class), "every migration applied once");
        assertEquals(48, history.get(2, Integer.class));
        assertEquals(0L, db.dsl().fetchValue("SELECT count(*) FROM flyway_schema_history WHERE NOT success"));
        for (ServerProcess instance : instances) assertEquals(200, instance.get("/health").statusCode());
    }

    @Test
    void aJobRunsOncePerPeriodAcrossTheInstances() throws Exception {
        // Fixed delay: a job runs at most once per period after its previous run ended, so in W seconds
        // at most W / period + 1 times; three instances each running it would run it about three times as often.
        long first = runs("sessions-cleanup");
        long windowMillis = 6_000;
        Thread.sleep(windowMillis);
        long during = runs("sessions-cleanup") - first;
        assertTrue(during >= 2, "the job runs: " + during + " runs in " + windowMillis + " ms");
        assertTrue(during <= windowMillis / 1000 / JOB_PERIOD_SECONDS + 1, "once per period, not once per instance: " + during + " runs");
        assertEquals(1L, db.dsl().fetchValue("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'sessions-cleanup'"));
    }

    @Test
    void aRateLimitHoldsInTotalAcrossTheInstances() throws Exception {
        String token = instances.get(0).adminToken();
        awayFromTheMinuteBoundary();
        int ok = 0;
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < READS_PER_MINUTE + 6; i++) {
            HttpResponse<String> r = instances.get(i % 3).get("/api/ofertas", Map.of("Authorization", "Bearer " + token));
            if (r.statusCode() == 200) ok++;
            if (r.statusCode() == 429) {
                limited++;
                retryAfter = r.headers().firstValue("Retry-After").orElse(null);
            }
        }
        assertEquals(READS_PER_MINUTE, ok, "requests spread round-robin over three instances share one budget");
        assertEquals(6, limited);
        assertTrue(retryAfter != null && Integer.parseInt(retryAfter) >= 1 && Integer.parseInt(retryAfter) <= 60, "Retry-After " + retryAfter);
    }

    @Test
    void theUnknownCodeGuardCountsAcrossTheInstances() throws Exception {
        String token = instances.get(0).adminToken();
        HttpResponse<String> created = instances.get(1).postJson("/api/v1/rewards/merchants", token, "{\"merchant_name\":\"Kiosco Compartido\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode merchant = Api.JSON.readTree(created.body());
        Map<String, String> key = Map.of("X-Merchant-Key", merchant.get("api_key").asText(), "Accept", "application/json");
        awayFromTheMinuteBoundary();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < UNKNOWN_CODES_PER_MINUTE + 3; i++) {
            statuses.add(instances.get(i % 3).get("/api/v1/rewards/merchant/redemptions/ZZZZZZZZZ" + i, key).statusCode());
        }
        assertEquals(List.of(404, 404, 404, 404, 429, 429, 429), statuses, "the fifth unknown code, on any instance, is refused");
    }

    private static long runs(String job) {
        return db.dsl().fetchOptional("SELECT runs FROM job_runs WHERE name = ?", job).map(r -> r.get(0, Long.class)).orElse(0L);
    }

    private static void awayFromTheMinuteBoundary() throws InterruptedException {
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 50_000) Thread.sleep(60_000 - intoMinute + 100);
    }
}
