package dev.mostrador.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.RewardsData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.mostrador.support.JsonAssert.assertBody;
import static dev.mostrador.support.JsonAssert.fields;
import static dev.mostrador.support.JsonAssert.json;
import static dev.mostrador.support.JsonAssert.texts;
import static dev.mostrador.support.RewardsApiFields.BASE;
import static dev.mostrador.support.RewardsApiFields.CUSTOMER_FIELDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The customers of the rewards JSON API (/api/v1/rewards/customers) and their lümis accumulations. */
class CustomersApiTest {

    @Test
    void customersAreCreatedReadUpdatedAndSearched() {
        RewardsData p = RewardsData.create();
        Api.Response created = p.oficina.post(BASE + "/customers", Map.of("name", "  María Pérez ", "email", "maria@example.cl", "phone", "+56 9 1234 5678"));
        assertEquals(201, created.status(), String.valueOf(created.json()));
        JsonNode c = created.json();
        assertEquals(CUSTOMER_FIELDS, fields(c));
        assertEquals("María Pérez", c.get("name").asText());
        assertEquals("maria@example.cl", c.get("email").asText());
        assertEquals("+56 9 1234 5678", c.get("phone").asText());
        assertEquals(0, c.get("lumis_balance").asLong());
        long id = c.get("id").asLong();
        assertEquals(c, p.vendedor.get(BASE + "/customers/" + id).json(), "GET answers what POST stored");

        Api.Response updated = p.admin.put(BASE + "/customers/" + id, Map.of("name", "María P.", "email", "", "phone", ""));
        assertEquals(200, updated.status(), String.valueOf(updated.json()));
        assertEquals("María P.", updated.json().get("name").asText());
        assertTrue(updated.json().get("email").isNull());
        assertTrue(updated.json().get("phone").isNull());
        assertEquals(updated.json(), p.vendedor.get(BASE + "/customers/" + id).json());

        long juan = p.oficina.post(BASE + "/customers", Map.of("name", "Juan Soto", "email", "juan@example.cl")).json().get("id").asLong();
        Api.Response all = p.vendedor.get(BASE + "/customers");
        assertEquals(200, all.status());
        assertEquals(List.of("Juan Soto", "María P."), texts(all.json(), "name"));
        assertEquals("2", all.header("X-Total-Count"));
        Api.Response byName = p.vendedor.get(BASE + "/customers?q=mar%C3%ADa");
        assertEquals(List.of(String.valueOf(id)), texts(byName.json(), "id"));
        assertEquals("1", byName.header("X-Total-Count"));
        assertEquals(List.of(String.valueOf(juan)), texts(p.vendedor.get(BASE + "/customers?q=JUAN%40example").json(), "id"), "by e-mail");
        assertEquals(0, p.vendedor.get(BASE + "/customers?q=nadie").json().size());
        assertEquals("0", p.vendedor.get(BASE + "/customers?q=nadie").header("X-Total-Count"));
    }

    @Test
    void badCustomerBodiesAnswer422NamingEachField() {
        RewardsData p = RewardsData.create();
        assertBody(422, "{'error':'validation_failed','fields':{'name':'Name is required.'}}", p.oficina.post(BASE + "/customers", Map.of()));
        assertBody(422, "{'error':'validation_failed','fields':{'email':'Enter a valid e-mail, for example name@company.com.',"
                        + "'phone':'must be a phone number (digits, spaces, +, dashes)'}}",
                p.oficina.post(BASE + "/customers", Map.of("name", "Ana", "email", "no-arroba", "phone", "llámame")));
        assertBody(422, "{'error':'validation_failed','fields':{'name':'Name takes at most 200 characters.'}}",
                p.oficina.post(BASE + "/customers", Map.of("name", "x".repeat(201))));
        // A name sent as a number was "required" before: the reading's own message says what is wrong.
        assertBody(422, "{'error':'validation_failed','fields':{'name':'must be a string','email':'must be a string'}}",
                p.oficina.post(BASE + "/customers", Map.of("name", 5, "email", 7)));
        assertBody(422, "{'error':'invalid_json','fields':{'body':'must be a JSON object'}}", p.oficina.post(BASE + "/customers", "not json"));
        assertBody(422, "{'error':'invalid_json','fields':{'body':'must be a JSON object'}}", p.oficina.post(BASE + "/customers", "[1,2]"));

        long ana = p.customer("Ana", 0);
        p.oficina.post(BASE + "/customers", Map.of("name", "Otra", "email", "ana@example.cl"));
        assertBody(422, "{'error':'validation_failed','fields':{'email':'is already used by another customer'}}",
                p.oficina.post(BASE + "/customers", Map.of("name", "Copia", "email", "ANA@example.cl")));
        assertBody(422, "{'error':'validation_failed','fields':{'email':'is already used by another customer'}}",
                p.admin.put(BASE + "/customers/" + ana, Map.of("name", "Ana", "email", "Ana@Example.cl")));
        assertBody(422, "{'error':'validation_failed','fields':{'name':'Name is required.'}}",
                p.admin.put(BASE + "/customers/" + ana, Map.of("name", " ")));
        assertEquals("Ana", p.vendedor.get(BASE + "/customers/" + ana).json().get("name").asText(), "a refused PUT changes nothing");
        assertEquals(2, p.count("SELECT count(*) FROM customers WHERE tenant_id = ?", p.id()));

        assertEquals(403, p.vendedor.post(BASE + "/customers", Map.of("name", "Vendedor no crea")).status());
        assertEquals(403, p.vendedor.put(BASE + "/customers/" + ana, Map.of("name", "No")).status());
        assertEquals(401, Api.anonymous().get(BASE + "/customers").status());
        assertEquals(404, p.vendedor.get(BASE + "/customers/999999999").status());
        assertEquals(404, p.vendedor.get(BASE + "/customers/abc").status());
    }

    @Test
    void accumulationsCreditTheLedgerAndTheBalanceShowsIt() {
        RewardsData p = RewardsData.create();
        long id = p.customer("Rosa", 0);
        Api.Response first = p.oficina.post(BASE + "/accumulations", Map.of("customer_id", id, "amount", 500, "reason", " Compra boleta 123 "));
        assertBody(201, "{'customer_id':" + id + ",'amount':500,'lumis_balance':500}", first);
        assertBody(201, "{'customer_id':" + id + ",'amount':250,'lumis_balance':750}",
                p.admin.post(BASE + "/accumulations", Map.of("customer_id", id, "amount", 250, "reason", "Bono")));

        Api.Response balance = p.vendedor.get(BASE + "/customers/" + id + "/balance");
        assertEquals(200, balance.status());
        assertEquals(List.of("customer_id", "lumis_balance", "ledger"), fields(balance.json()));
        assertEquals(id, balance.json().get("customer_id").asLong());
        assertEquals(750, balance.json().get("lumis_balance").asLong());
        JsonNode ledger = balance.json().get("ledger");
        assertEquals(2, ledger.size());
        assertEquals(List.of("id", "amount", "kind", "reason", "redemption_id", "created_at"), fields(ledger.get(0)));
        assertEquals(List.of("250", "500"), texts(ledger, "amount"), "newest first");
        assertEquals(List.of("earn", "earn"), texts(ledger, "kind"));
        assertEquals(List.of("Bono", "Compra boleta 123"), texts(ledger, "reason"));
        assertTrue(ledger.get(0).get("redemption_id").isNull());
        assertEquals(750, p.vendedor.get(BASE + "/customers/" + id).json().get("lumis_balance").asLong());

        assertBody(422, "{'error':'validation_failed','fields':{'customer_id':'required','amount':'required','reason':'required'}}",
                p.oficina.post(BASE + "/accumulations", Map.of()));
        assertBody(422, "{'error':'validation_failed','fields':{'amount':'must be from 1 to 1000000'}}",
                p.oficina.post(BASE + "/accumulations", Map.of("customer_id", id, "amount", 0, "reason", "x")));
        assertBody(422, "{'error':'validation_failed','fields':{'amount':'must be from 1 to 1000000'}}",
                p.oficina.post(BASE + "/accumulations", Map.of("customer_id", id, "amount", -5, "reason", "x")));
        assertBody(422, "{'error':'validation_failed','fields':{'amount':'must be from 1 to 1000000'}}",
                p.oficina.post(BASE + "/accumulations", Map.of("customer_id", id, "amount", 1_000_001, "reason", "x")));
        assertBody(422, "{'error':'validation_failed','fields':{'customer_id':'must be a whole number','amount':'must be a whole number'}}",
                p.oficina.post(BASE + "/accumulations", Map.of("customer_id", "uno", "amount", 1.5, "reason", "x")));
        assertBody(422, "{'error':'validation_failed','fields':{'reason':'at most 500 characters'}}",
                p.oficina.post(BASE + "/accumulations", Map.of("customer_id", id, "amount", 1, "reason", "r".repeat(501))));
        assertBody(422, "{'error':'validation_failed','fields':{'customer_id':'no such customer'}}",
                p.oficina.post(BASE + "/accumulations", Map.of("customer_id", 999_999_999, "amount", 1, "reason", "x")));
        assertEquals(403, p.vendedor.post(BASE + "/accumulations", Map.of("customer_id", id, "amount", 1, "reason", "x")).status());
        assertEquals(750, p.balance(id), "nothing refused moved the balance");
        assertEquals(2, p.ledger(id).size());
        assertEquals(404, p.vendedor.get(BASE + "/customers/999999999/balance").status());
    }
}
