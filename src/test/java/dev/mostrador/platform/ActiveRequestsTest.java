package dev.mostrador.platform;

import dev.mostrador.rewards.redemptions.MerchantApi;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.App;
import dev.mostrador.support.Api;
import dev.mostrador.support.TestApp;
import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MOSTRADOR_MAX_ACTIVE_REQUESTS (and _CONFIRMATIONS): requests beyond the limit wait their turn and are all answered. */
class ActiveRequestsTest {

    @Test
    void healthShowsTheLimitOfTheSharedTestApp() throws Exception {
        JsonNode requests = health(TestApp.baseUrl()).get("requests");
        assertEquals(Runtime.getRuntime().availableProcessors() + 1, requests.get("max_active").asInt());
        assertEquals(0, requests.get("refused_total").asInt());
    }

    @Test
    void oneAtATimeAnswersEveryRequestOfABurstInTurn() throws Exception {
        try (App app = App.start(TestApp.config(Map.of("MOSTRADOR_MAX_ACTIVE_REQUESTS", "1")), TestDatabase.get(), false)) {
            String base = "http://localhost:" + app.port();
            burstOf40(base, "/login", "/health");
            JsonNode requests = health(base).get("requests");
            assertEquals(1, requests.get("max_active").asInt());
            assertEquals(0, requests.get("waiting").asInt());
            assertTrue(requests.get("waited_total").asInt() > 0, "some of the burst waited: " + requests);
            assertEquals(0, requests.get("refused_total").asInt());
        }
    }

    @Test
    void answersServedFromMemoryDoNotWait() throws Exception {
        try (App app = App.start(TestApp.config(Map.of("MOSTRADOR_MAX_ACTIVE_REQUESTS", "1")), TestDatabase.get(), false)) {
            String base = "http://localhost:" + app.port();
            burstOf40(base, "/api/ofertas/activas", "/static/css/app.css");
            assertEquals(0, health(base).get("requests").get("waited_total").asInt(), "none of them went through the line");
        }
    }

    /** 40 requests sent at once, alternating the two paths; all must answer 200. */
    private static void burstOf40(String base, String even, String odd) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            burst.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + (i % 2 == 0 ? even : odd))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> r : burst) assertEquals(200, r.get().statusCode());
    }

    @Test
    void confirmationsWaitInALineOfTheirOwn() throws Exception {
        JsonNode shared = health(TestApp.baseUrl()).get("requests").get("confirmations");
        assertEquals(Math.max(2, 10 - (Runtime.getRuntime().availableProcessors() + 1)), shared.get("max_active").asInt());
        try (App app = App.start(TestApp.config(Map.of("MOSTRADOR_MAX_ACTIVE_REQUESTS", "1", "MOSTRADOR_MAX_ACTIVE_CONFIRMATIONS", "1")),
                TestDatabase.get(), false)) {
            String base = "http://localhost:" + app.port();
            HttpClient http = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                // Without a merchant key: each is answered 401, after its turn in the confirmations' line.
                burst.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/rewards/redemptions/CODE" + i + "/confirm"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> r : burst) assertEquals(401, r.get().statusCode());
            JsonNode requests = health(base).get("requests");
            assertEquals(0, requests.get("waited_total").asInt(), "no confirmation went through the line of all requests: " + requests);
            assertEquals(1, requests.get("confirmations").get("max_active").asInt());
            assertEquals(0, requests.get("confirmations").get("refused_total").asInt());
        }
    }

    @Test
    void theConfirmationsAreTheMerchantsConfirmPaths() {
        assertTrue(MerchantApi.isConfirmation("/api/v1/rewards/redemptions/ABCD-2345-EFGH/confirm"));
        assertTrue(MerchantApi.isConfirmation("/comercio/confirmar"));
        assertFalse(MerchantApi.isConfirmation("/api/v1/rewards/merchant/redemptions/ABCD-2345-EFGH"));
        assertFalse(MerchantApi.isConfirmation("/api/v1/rewards/redemptions/ABCD/x/confirm"));
        assertFalse(MerchantApi.isConfirmation("/comercio/verificar"));
    }

    @Test
    void aLimitBelowOneIsRefusedAtStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> App.start(TestApp.config(Map.of("MOSTRADOR_MAX_ACTIVE_REQUESTS", "0")), TestDatabase.get(), false));
        assertTrue(e.getMessage().contains("MOSTRADOR_MAX_ACTIVE_REQUESTS"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> App.start(TestApp.config(Map.of("MOSTRADOR_MAX_ACTIVE_CONFIRMATIONS", "0")), TestDatabase.get(), false));
        assertTrue(e.getMessage().contains("MOSTRADOR_MAX_ACTIVE_CONFIRMATIONS"), e.getMessage());
    }

    private static JsonNode health(String base) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return Api.JSON.readTree(r.body());
    }
}
