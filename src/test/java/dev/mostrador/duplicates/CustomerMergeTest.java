package dev.mostrador.duplicates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.RewardsRows;
import dev.mostrador.support.StockRows;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.mostrador.duplicates.DuplicateData.count;
import static dev.mostrador.duplicates.DuplicateData.dsl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A merge's preview counts, and the merge moving ledger, redemptions, carts, orders and interests with the balance right. */
class CustomerMergeTest {

    /** Two customers of one tenant: the winner with a plain history, the loser with a bit of everything. */
    private record Scene(Fixtures.TestTenant t, long winner, long loser, long sharedInterest, long loserInterest) {}

    private static Scene scene() {
        Fixtures.TestTenant t = Fixtures.tenant();
        long winner = RewardsRows.customer(t, "Marta Pérez", 100);
        long loser = RewardsRows.customer(t, "Marta Perez", 50);
        dsl().execute("UPDATE customers SET email = ?, city = 'Ñuñoa' WHERE id = ?", "marta" + loser + "@x.cl", loser);
        UUID offer = RewardsRows.offer(t, "Café", 20, 10, null);
        RewardsRows.redeem(t, loser, offer); // 50 - 20 = 30 lümis left, a redemption and two ledger rows
        long product = StockRows.product(t.id(), "MRG-" + loser, 100);
        Api admin = Api.staff(t.admin());
        var order = admin.post("/api/pedidos", Map.of("customer_id", loser, "lineas", List.of(Map.of("product_id", product, "quantity", 1))),
                UUID.randomUUID().toString());
        assertEquals(201, order.status(), () -> order.json().toString());
        dsl().execute("INSERT INTO carritos (tenant_id, user_id, customer_id, estado) VALUES (?, ?, ?, 'vencido')", t.id(),
                DuplicateData.userId(t, t.admin()), loser);
        long shared = DuplicateData.interest(t.id(), "Café " + loser), own = DuplicateData.interest(t.id(), "Té " + loser);
        DuplicateData.likes(t.id(), winner, shared);
        DuplicateData.likes(t.id(), loser, shared);
        DuplicateData.likes(t.id(), loser, own);
        return new Scene(t, winner, loser, shared, own);
    }

    @Test
    void thePreviewCountsWhatMovesAndTheMergeMovesItWithTheBalanceRight() {
        Scene s = scene();
        Browser page = new Browser().signedIn(s.t().oficina());
        HttpResponse<String> preview = page.get("/recompensas/clientes/" + s.winner() + "/fusionar?con=" + s.loser());
        assertEquals(200, preview.statusCode());
        String html = preview.body();
        assertTrue(html.contains("2 registros de movimientos de lümis"), html);
        assertTrue(html.contains("1 registro de canjes"), html);
        assertTrue(html.contains("1 registro de pedidos"), html);
        assertTrue(html.contains("1 registro de carritos"), html);
        assertTrue(html.contains("2 registros de intereses"), html);

        Api admin = Api.staff(s.t().admin());
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("winner_id", s.winner(), "loser_id", s.loser(), "from_loser", List.of("name"));
        Api.Response r = admin.post("/api/v1/rewards/customers/merge", body, key);
        assertEquals(200, r.status(), () -> r.json().toString());
        JsonNode moved = r.json().get("moved");
        assertEquals(2, moved.get("fact_accumulations").asInt());
        assertEquals(1, moved.get("rewards.user_redemptions").asInt());
        assertEquals(1, moved.get("pedidos").asInt());
        assertEquals(1, moved.get("carritos").asInt());
        assertEquals(1, moved.get("customer_intereses").asInt());
        assertEquals(1, r.json().get("dropped").get("customer_intereses").asInt(), "the interest both had is kept once");

        UUID t = s.t().id();
        assertEquals(0, count("SELECT count(*) FROM customers WHERE id = ?", s.loser()));
        assertEquals(130, RewardsRows.balance(s.t(), s.winner()), "100 + the loser's 30");
        assertEquals(0, DuplicateData.drift(t, s.winner()));
        assertEquals(3 + 0, count("SELECT count(*) FROM fact_accumulations WHERE tenant_id = ? AND customer_id = ?", t, s.winner()));
        assertEquals(1, count("SELECT count(*) FROM rewards.user_redemptions WHERE tenant_id = ? AND user_id = ?", t, s.winner()));
        assertEquals(1, count("SELECT count(*) FROM pedidos WHERE tenant_id = ? AND customer_id = ?", t, s.winner()));
        assertEquals(2, count("SELECT count(*) FROM customer_intereses WHERE tenant_id = ? AND customer_id = ?", t, s.winner()));
        // Fields: the name picked from the loser, the e-mail and city the winner lacked filled from it.
        Map<String, String> w = MergeFields.read(dsl(), t, s.winner()).orElseThrow();
        assertEquals("Marta Perez", w.get("name"));
        assertEquals("marta" + s.loser() + "@x.cl", w.get("email"));
        assertEquals("Ñuñoa", w.get("city"));
        // Logged: the loser's row, what moved, who.
        assertEquals(1, count("SELECT count(*) FROM customer_merges WHERE tenant_id = ? AND winner_id = ? AND loser_id = ?"
                + " AND loser->>'name' = 'Marta Perez' AND (moved->'moved'->>'pedidos')::int = 1 AND merged_by IS NOT NULL", t, s.winner(), s.loser()));

        Api.Response replay = admin.post("/api/v1/rewards/customers/merge", body, key);
        assertEquals(200, replay.status());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(r.json(), replay.json());

        // The loser's old page says where it went; the customer is still gone (404).
        HttpResponse<String> old = page.get("/recompensas/clientes/" + s.loser());
        assertEquals(404, old.statusCode());
        assertTrue(old.body().contains("se fusionó con Marta Perez") && old.body().contains("/recompensas/clientes/" + s.winner()), old.body());
    }

    @Test
    void anotherTenantsCustomersAre404AndBadInputIs422() {
        Scene s = scene();
        Fixtures.TestTenant other = Fixtures.tenant();
        long theirs = DuplicateData.customer(other, "Otra", null, null, null, null, null);
        Api admin = Api.staff(s.t().admin());
        Api.Response cross = admin.post("/api/v1/rewards/customers/merge", Map.of("winner_id", s.winner(), "loser_id", theirs),
                UUID.randomUUID().toString());
        assertEquals(404, cross.status());
        assertEquals("not_found", cross.json().get("error").asText());
        assertEquals(1, count("SELECT count(*) FROM customers WHERE id = ?", theirs));
        Browser outsider = new Browser().signedIn(other.admin());
        assertEquals(404, outsider.get("/recompensas/clientes/" + s.winner() + "/fusionar?con=" + s.loser()).statusCode());
        Api.Response same = admin.post("/api/v1/rewards/customers/merge", Map.of("winner_id", s.winner(), "loser_id", s.winner()),
                UUID.randomUUID().toString());
        assertEquals(422, same.status());
        assertTrue(same.json().get("fields").has("loser_id"));
        Api.Response missing = admin.post("/api/v1/rewards/customers/merge", Map.of("winner_id", s.winner(), "from_loser", List.of("lumis")),
                UUID.randomUUID().toString());
        assertEquals(422, missing.status());
        assertTrue(missing.json().get("fields").has("loser_id") && missing.json().get("fields").has("from_loser"), missing.json().toString());
        // A merged customer of one tenant is a plain 404 to another, which learns nothing of the merge.
        assertEquals(200, admin.post("/api/v1/rewards/customers/merge", Map.of("winner_id", s.winner(), "loser_id", s.loser()),
                UUID.randomUUID().toString()).status());
        HttpResponse<String> gone = outsider.get("/recompensas/clientes/" + s.loser());
        assertEquals(404, gone.statusCode());
        assertFalse(gone.body().contains("Marta"), gone.body());
    }

    @Test
    void theLedgerStaysAppendOnlyOutsideAMerge() {
        Scene s = scene();
        assertThrows(RuntimeException.class, () -> dsl().execute("UPDATE fact_accumulations SET customer_id = ? WHERE customer_id = ?",
                s.winner(), s.loser()));
        assertThrows(RuntimeException.class, () -> dsl().transaction(cfg -> {
            cfg.dsl().fetch("SELECT set_config('mostrador.customer_merge', 'on', true)");
            cfg.dsl().execute("UPDATE fact_accumulations SET amount = amount + 1 WHERE customer_id = ?", s.loser());
        }), "inside a merge only the customer may change");
        assertEquals(0, DuplicateData.drift(s.t().id(), s.loser()));
    }

    @Test
    void aChainOfMergesLeadsTheFirstLoserToTheLastWinnerAndTheFormSaysWhatIsWrong() {
        Fixtures.TestTenant t = Fixtures.tenant();
        long a = RewardsRows.customer(t, "Primera", 5), b = RewardsRows.customer(t, "Segunda", 7), c = RewardsRows.customer(t, "Tercera", 0);
        Browser oficina = new Browser().signedIn(t.oficina());
        HttpResponse<String> noWinner = oficina.post("/recompensas/clientes/" + b + "/fusionar", Map.of("con", String.valueOf(a)));
        assertEquals(422, noWinner.statusCode());
        assertEquals(303, oficina.post("/recompensas/clientes/" + b + "/fusionar", Map.of("con", String.valueOf(a), "ganador", "a")).statusCode());
        assertEquals(303, oficina.post("/recompensas/clientes/" + c + "/fusionar", Map.of("con", String.valueOf(b), "ganador", "a")).statusCode());
        HttpResponse<String> again = oficina.post("/recompensas/clientes/" + c + "/fusionar", Map.of("con", String.valueOf(b), "ganador", "a"));
        assertEquals(303, again.statusCode(), "the button pressed twice shows the winner");
        assertEquals("/recompensas/clientes/" + c, again.headers().firstValue("Location").orElse(""));
        assertEquals(12, RewardsRows.balance(t, c));
        assertEquals(0, DuplicateData.drift(t.id(), c));
        assertTrue(oficina.get("/recompensas/clientes/" + a).body().contains("se fusionó con Tercera"));
        assertEquals(2, count("SELECT count(*) FROM customer_merges WHERE tenant_id = ? AND winner_id = ?", t.id(), c));
        assertEquals(b, count("SELECT first_winner_id FROM customer_merges WHERE tenant_id = ? AND loser_id = ?", t.id(), a));
        assertEquals(404, oficina.post("/recompensas/clientes/" + c + "/fusionar", Map.of("con", "999999999", "ganador", "a")).statusCode());
        assertEquals(303, oficina.get("/recompensas/clientes/" + c + "/fusionar").statusCode(), "no other customer named: back to the list");
        Browser vendedor = new Browser().signedIn(t.vendedor());
        assertEquals(403, vendedor.get("/recompensas/clientes/" + c + "/fusionar?con=" + a).statusCode());
    }
}
