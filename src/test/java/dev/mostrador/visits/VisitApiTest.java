package dev.mostrador.visits;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /api/visitas: create with Idempotency-Key, record an outcome, list with filters; refusals name the field. */
class VisitApiTest {

    @Test
    void createRefusesBadFieldsByNameAndAnotherTenantsCustomerIsNotFound() {
        Fixtures.TestTenant t = Fixtures.tenant();
        Fixtures.TestTenant other = Fixtures.tenant();
        long theirs = VisitData.customer(other.id(), "Cliente de otro", null, null, null);
        long mine = VisitData.customer(t.id(), "Clara Cliente", null, null, null);
        Api vendedor = Api.staff(t.vendedor());
        String tomorrow = LocalDate.now(t.tenant().zone()).plusDays(1) + "T10:30";

        Api.Response missing = vendedor.post("/api/visitas", Map.of(), UUID.randomUUID().toString());
        assertEquals(422, missing.status());
        assertTrue(missing.json().get("fields").has("customer_id") && missing.json().get("fields").has("planned_at"), missing.json().toString());

        Api.Response badDate = vendedor.post("/api/visitas", Map.of("customer_id", mine, "planned_at", "mañana"), UUID.randomUUID().toString());
        assertEquals(422, badDate.status());
        assertTrue(badDate.json().get("fields").has("planned_at"), badDate.json().toString());
        Api.Response farAway = vendedor.post("/api/visitas", Map.of("customer_id", mine, "planned_at", "2999-01-01T10:00"), UUID.randomUUID().toString());
        assertEquals(422, farAway.status());
        assertTrue(farAway.json().get("fields").has("planned_at"), farAway.json().toString());
        Api.Response wrongType = vendedor.post("/api/visitas", Map.of("customer_id", "uno", "planned_at", tomorrow), UUID.randomUUID().toString());
        assertEquals(422, wrongType.status());
        assertTrue(wrongType.json().get("fields").has("customer_id"), wrongType.json().toString());

        assertEquals(404, vendedor.post("/api/visitas", Map.of("customer_id", theirs, "planned_at", tomorrow), UUID.randomUUID().toString()).status());

        long admin = VisitData.userId(t.admin());
        Api.Response forOther = vendedor.post("/api/visitas", Map.of("customer_id", mine, "planned_at", tomorrow, "vendedor_id", admin),
                UUID.randomUUID().toString());
        assertEquals(422, forOther.status(), "a vendedor plans only their own visits");
        assertTrue(forOther.json().get("fields").has("vendedor_id"));

        String key = UUID.randomUUID().toString();
        Api.Response created = vendedor.post("/api/visitas", Map.of("customer_id", mine, "planned_at", tomorrow), key);
        assertEquals(201, created.status(), created.json().toString());
        assertEquals("planned", created.json().get("status").asText());
        assertEquals(VisitData.userId(t.vendedor()), created.json().get("vendedor_id").asLong());
        Api.Response replay = vendedor.post("/api/visitas", Map.of("customer_id", mine, "planned_at", tomorrow), key);
        assertEquals(created.json().get("id").asLong(), replay.json().get("id").asLong());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(1, VisitData.dsl().fetchCount(VisitData.dsl().selectFrom("visitas").where("tenant_id = ?", t.id())));

        Api.Response oficina = Api.staff(t.oficina()).post("/api/visitas", Map.of("customer_id", mine, "planned_at", tomorrow,
                "vendedor_id", VisitData.userId(t.vendedor())), UUID.randomUUID().toString());
        assertEquals(201, oficina.status(), "oficina plans for any vendedor");
    }

    @Test
    void recordingAnOutcomeChecksTheOutcomeAndTheNextActionsDay() {
        Fixtures.TestTenant t = Fixtures.tenant();
        long customer = VisitData.customer(t.id(), "Rita Ruiz", null, null, null);
        long id = VisitData.visit(t, customer, VisitData.userId(t.vendedor()), VisitData.today(t, 10, 0), null);
        Api vendedor = Api.staff(t.vendedor());
        String path = "/api/visitas/" + id + "/resultado";

        Api.Response unknown = vendedor.post(path, Map.of("outcome", "ganamos"), UUID.randomUUID().toString());
        assertEquals(422, unknown.status());
        assertTrue(unknown.json().get("fields").has("outcome"), unknown.json().toString());
        String yesterday = LocalDate.now(t.tenant().zone()).minusDays(1).toString();
        Api.Response before = vendedor.post(path, Map.of("outcome", "sin_venta", "next_action_date", yesterday), UUID.randomUUID().toString());
        assertEquals(422, before.status());
        assertTrue(before.json().get("fields").has("next_action_date"), before.json().toString());
        Api.Response noDay = vendedor.post(path, Map.of("outcome", "reprogramar"), UUID.randomUUID().toString());
        assertEquals(422, noDay.status(), "reprogramar needs the day to come back");
        assertTrue(noDay.json().get("fields").has("next_action_date"));
        Api.Response badDay = vendedor.post(path, Map.of("outcome", "venta", "next_action_date", "31/12/2026"), UUID.randomUUID().toString());
        assertEquals(422, badDay.status());
        assertEquals(null, VisitData.outcome(id), "nothing was recorded");

        String nextWeek = LocalDate.now(t.tenant().zone()).plusDays(7).toString();
        Api.Response ok = vendedor.post(path, Map.of("outcome", "venta", "notes", "Pidió 3 cajas", "next_action", "Llevar factura",
                "next_action_date", nextWeek), UUID.randomUUID().toString());
        assertEquals(200, ok.status(), ok.json().toString());
        assertEquals("done", ok.json().get("status").asText());
        assertEquals("venta", ok.json().get("outcome").asText());
        assertEquals(nextWeek, ok.json().get("next_action_date").asText());
        assertTrue(!ok.json().get("done_at").isNull());
    }

    @Test
    void aVendedorNeitherSeesNorRecordsAnotherVendedorsVisit() {
        Fixtures.TestTenant t = Fixtures.tenant();
        String otherVendedor = Fixtures.user(t, dev.mostrador.platform.auth.Role.VENDEDOR);
        long customer = VisitData.customer(t.id(), "Cliente Compartido", null, null, null);
        long theirs = VisitData.visit(t, customer, VisitData.userId(otherVendedor), VisitData.today(t, 9, 0), null);
        long mine = VisitData.visit(t, customer, VisitData.userId(t.vendedor()), VisitData.today(t, 10, 0), null);
        Api vendedor = Api.staff(t.vendedor());

        assertEquals(404, vendedor.get("/api/visitas/" + theirs).status());
        assertEquals(404, vendedor.post("/api/visitas/" + theirs + "/resultado", Map.of("outcome", "venta"), UUID.randomUUID().toString()).status());
        assertEquals(null, VisitData.outcome(theirs));
        JsonNode list = vendedor.get("/api/visitas").json();
        assertEquals(1, list.size(), list.toString());
        assertEquals(mine, list.get(0).get("id").asLong());
        assertEquals(422, vendedor.get("/api/visitas?vendedor_id=" + VisitData.userId(otherVendedor)).status());
        assertEquals(422, vendedor.get("/api/visitas?dia=ayer").status());

        JsonNode all = Api.staff(t.admin()).get("/api/visitas").json();
        assertEquals(2, all.size(), "admin sees everyone's");
        assertEquals(theirs, all.get(0).get("id").asLong(), "in time order");
        assertEquals(1, Api.staff(t.admin()).get("/api/visitas?vendedor_id=" + VisitData.userId(otherVendedor)).json().size());
    }
}
