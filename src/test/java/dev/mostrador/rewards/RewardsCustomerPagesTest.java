package dev.mostrador.rewards;

import dev.mostrador.rewards.ledger.LedgerEntry;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.PageText;
import dev.mostrador.support.RewardsRows;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Clientes pages: create and search, lümis credited and debited by hand, and redeeming on a customer's behalf. */
class RewardsCustomerPagesTest {
    private static final Pattern CODE = Pattern.compile("data-testid=\"code\">([^<]+)<");

    @Test
    void customersAreCreatedValidatedAndFound() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Browser oficina = new Browser().signedIn(t.oficina());
        HttpResponse<String> bad = oficina.post("/recompensas/clientes", Map.of("name", "", "email", "carla@", "phone", "abc"));
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("id=\"name-error\"") && bad.body().contains("id=\"email-error\"") && bad.body().contains("id=\"phone-error\""));
        assertTrue(bad.body().contains("value=\"carla@\""));

        HttpResponse<String> created = oficina.post("/recompensas/clientes", Map.of("name", "Carla Díaz", "email", "carla@correo.cl", "phone", "+56 9 1234 5678"));
        String page = PageText.location(created);
        assertTrue(page.matches("/recompensas/clientes/\\d+"), page);
        assertTrue(PageText.flashAfter(oficina, created).startsWith("success: Cliente Carla Díaz creado."));
        HttpResponse<String> taken = oficina.post("/recompensas/clientes", Map.of("name", "Otra", "email", "CARLA@correo.cl", "phone", ""));
        assertEquals(422, taken.statusCode());
        assertTrue(taken.body().contains("Ya existe un cliente con ese correo."));

        Browser vendedor = new Browser().signedIn(t.vendedor());
        for (String q : List.of("carla", "CORREO.CL", "1234")) {
            assertTrue(vendedor.get("/recompensas/clientes?q=" + q).body().contains("Carla Díaz"), "search by " + q);
        }
        assertTrue(vendedor.get("/recompensas/clientes?q=nadie").body().contains("Nada coincide"));
        assertEquals(303, oficina.post(page, Map.of("name", "Carla Díaz Soto", "email", "carla@correo.cl", "phone", "")).statusCode());
        assertTrue(vendedor.get(page).body().contains("Carla Díaz Soto"));
    }

    @Test
    void lumisAreCreditedAndDebitedByHandButNeverBelowZero() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Browser admin = new Browser().signedIn(t.admin());
        long c = RewardsRows.customer(t, "Mario", 0);
        String lumis = "/recompensas/clientes/" + c + "/lumis";

        HttpResponse<String> credit = admin.post(lumis, Map.of("direction", "credit", "amount", "500", "reason", "Compra boleta 1234"));
        assertEquals("success: Se abonaron 500 lümis a Mario. Saldo: 500.", PageText.flashAfter(admin, credit));
        HttpResponse<String> debit = admin.post(lumis, Map.of("direction", "debit", "amount", "200", "reason", "Corrección"));
        assertEquals("success: Se descontaron 200 lümis a Mario. Saldo: 300.", PageText.flashAfter(admin, debit));

        HttpResponse<String> tooMuch = admin.post(lumis, Map.of("direction", "debit", "amount", "1000", "reason", "Error"));
        assertEquals(422, tooMuch.statusCode());
        assertTrue(tooMuch.body().contains("El saldo es de 300 lümis: no se puede descontar más que eso."), tooMuch.body());
        assertTrue(tooMuch.body().contains("id=\"amount-error\"") && tooMuch.body().contains("value=\"1000\""));
        assertTrue(tooMuch.body().contains("value=\"debit\" checked"), "the chosen direction is kept");

        HttpResponse<String> noReason = admin.post(lumis, Map.of("direction", "credit", "amount", "5", "reason", " "));
        assertEquals(422, noReason.statusCode());
        assertTrue(noReason.body().contains("Motivo es obligatorio."));
        HttpResponse<String> negative = admin.post(lumis, Map.of("direction", "credit", "amount", "-5", "reason", "x"));
        assertEquals(422, negative.statusCode());
        assertTrue(negative.body().contains("de 1 a 1.000.000."), "the limit with its thousands separator");
        assertEquals(422, admin.post(lumis, Map.of("direction", "credit", "amount", "1,5", "reason", "x")).statusCode());

        assertEquals(300, RewardsRows.balance(t, c));
        assertEquals(300, RewardsRows.ledger().sumFor(t.id(), c), "the ledger adds up to the balance");
        List<LedgerEntry> ledger = RewardsRows.ledger().forCustomer(t.id(), c, 10);
        assertEquals(List.of("adjust", "earn"), ledger.stream().map(LedgerEntry::kind).toList());
        assertEquals(List.of(-200, 500), ledger.stream().map(LedgerEntry::amount).toList());
        String page = admin.get("/recompensas/clientes/" + c).body();
        assertTrue(page.contains("−200") && page.contains("+500") && page.contains("Compra boleta 1234"));
        assertTrue(page.contains("data-testid=\"balance\">300 "));
    }

    @Test
    void staffRedeemOnTheCustomersBehalfAndRefusalsSayWhy() {
        Fixtures.TestTenant t = Fixtures.tenant();
        long c = RewardsRows.customer(t, "Lucía", 250);
        UUID offer = RewardsRows.offer(t, "Café americano", 100, 2, null);
        Browser vendedor = new Browser().signedIn(t.vendedor());
        String redeem = "/recompensas/clientes/" + c + "/canjear";
        assertTrue(vendedor.get(redeem).body().contains("Café americano"));

        HttpResponse<String> done = vendedor.post(redeem, Map.of("offer_id", offer.toString()));
        String location = PageText.location(done);
        assertTrue(location.matches("/recompensas/canjes/[0-9a-f-]{36}"), location);
        String page = vendedor.get(location).body();
        String code = PageText.first(CODE, page).replace("-", "");
        assertTrue(page.contains("src=\"/r/" + code + "/qr.svg\""), "the QR image of the public route");
        assertTrue(page.contains("href=\"/r/" + code + "\""), "the landing page link");
        assertEquals(1, RewardsRows.stock(t, offer), "one unit taken");
        assertEquals(150, RewardsRows.balance(t, c));
        assertEquals("pending", RewardsRows.redemptions().findByCode(code).orElseThrow().status());
        String customerPage = vendedor.get("/recompensas/clientes/" + c).body();
        assertTrue(customerPage.contains(code.substring(0, 5) + "-" + code.substring(5)));
        assertTrue(customerPage.contains("Canje de " + code.substring(0, 5) + "-" + code.substring(5)), "the ledger writes the code as everywhere else");
        assertFalse(customerPage.contains(code), "never without its dash");

        assertEquals(303, vendedor.post(redeem, Map.of("offer_id", offer.toString())).statusCode());
        assertEquals(0, RewardsRows.stock(t, offer));
        assertEquals("error: Esta recompensa se agotó. Elija otra.", PageText.flashAfter(vendedor, vendedor.post(redeem, Map.of("offer_id", offer.toString()))));

        UUID expensive = RewardsRows.offer(t, "Cena para dos", 5000, null, null);
        assertEquals("error: Lucía no tiene lümis suficientes para esta recompensa (saldo: 50).",
                PageText.flashAfter(vendedor, vendedor.post(redeem, Map.of("offer_id", expensive.toString()))));
        RewardsRows.dsl().execute("UPDATE rewards.redemption_offers SET is_active = false WHERE offer_id = ?", expensive);
        assertEquals("error: Esta recompensa está pausada y no se puede canjear.",
                PageText.flashAfter(vendedor, vendedor.post(redeem, Map.of("offer_id", expensive.toString()))));
        RewardsRows.dsl().execute("UPDATE rewards.redemption_offers SET is_active = true, valid_to = now() - interval '1 hour', "
                + "valid_from = now() - interval '2 days' WHERE offer_id = ?", expensive);
        assertEquals("error: Esta recompensa no está vigente en este momento.",
                PageText.flashAfter(vendedor, vendedor.post(redeem, Map.of("offer_id", expensive.toString()))));
        assertEquals("error: Elija una recompensa de la lista.", PageText.flashAfter(vendedor, vendedor.post(redeem, Map.of("offer_id", "x"))));
        assertEquals("error: Elija una recompensa de la lista.",
                PageText.flashAfter(vendedor, vendedor.post(redeem, Map.of("offer_id", RewardsRows.offer(Fixtures.tenant(), "Ajena", 1, null, null).toString()))));
        assertEquals(50, RewardsRows.balance(t, c));
        assertEquals(50, RewardsRows.ledger().sumFor(t.id(), c));
    }

    @Test
    void anotherTenantsCustomerIsNotFound() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Fixtures.TestTenant other = Fixtures.tenant();
        long c = RewardsRows.customer(other, "Ajeno", 100);
        UUID offer = RewardsRows.offer(other, "Ajena", 10, null, null);
        Browser admin = new Browser().signedIn(t.admin());
        String base = "/recompensas/clientes/" + c;
        for (String path : List.of(base, base + "/edit", base + "/canjear", "/recompensas/clientes/abc", "/recompensas/clientes/-1")) {
            assertEquals(404, admin.get(path).statusCode(), path);
        }
        assertEquals(404, admin.post(base, Map.of("name", "Mío")).statusCode());
        assertEquals(404, admin.post(base + "/lumis", Map.of("direction", "credit", "amount", "5", "reason", "x")).statusCode());
        assertEquals(404, admin.post(base + "/canjear", Map.of("offer_id", offer.toString())).statusCode());
        assertEquals(100, RewardsRows.balance(other, c));
    }
}
