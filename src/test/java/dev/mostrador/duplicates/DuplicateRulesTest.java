package dev.mostrador.duplicates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.mostrador.duplicates.DuplicateData.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each duplicate rule finds its pair, says why, and never pairs customers of two tenants or unlike ones. */
class DuplicateRulesTest {

    private static Set<List<Long>> pairs(Api api, String rule) {
        Api.Response r = api.get("/api/v1/rewards/customers/duplicates?rule=" + rule);
        assertEquals(200, r.status(), () -> String.valueOf(r.json()));
        Set<List<Long>> found = new HashSet<>();
        for (JsonNode p : r.json().get("pairs")) {
            assertEquals(rule, p.get("rule").asText());
            found.add(List.of(p.get("customers").get(0).get("id").asLong(), p.get("customers").get(1).get("id").asLong()));
        }
        return found;
    }

    @Test
    void eachRuleFindsItsPairWithinTheTenantOnly() {
        Fixtures.TestTenant t = Fixtures.tenant(), other = Fixtures.tenant();
        long e1 = customer(t, "Ana Soto", "ana@x.cl", null, null, null, null);
        long e2 = customer(t, "Ana S.", "Ana+promo@X.cl", null, null, null, null);
        long p1 = customer(t, "Bruno Díaz", null, "+56 9 8765 4321", null, null, null);
        long p2 = customer(t, "B. Diaz", null, "22 1234", "987654321", null, null);
        long r1 = customer(t, "Carla Rojas", null, null, null, "12.345.678-k", null);
        long r2 = customer(t, "Carla R.", null, null, null, "12345678K", null);
        long n1 = customer(t, "José Peña Muñoz", null, null, null, null, "Ñuñoa");
        long n2 = customer(t, "Jose Pena Munoz", null, null, null, null, "ñuñoa");
        customer(t, "Jose Pena Munos", null, null, null, null, "Valparaíso"); // same name, other city: not a pair
        customer(t, "Daniela Fuentes", null, "1234567", null, null, "Ñuñoa"); // a short phone says too little
        // The other tenant holds the same keys: never a pair across tenants.
        long o1 = customer(other, "Ana Soto", "ana+x@x.cl", "+56 9 8765 4321", null, "12345678-K", "Ñuñoa");

        Api admin = Api.staff(t.admin());
        assertEquals(Set.of(List.of(e1, e2)), pairs(admin, "email"));
        assertEquals(Set.of(List.of(p1, p2)), pairs(admin, "telefono"));
        assertEquals(Set.of(List.of(r1, r2)), pairs(admin, "rut"));
        assertEquals(Set.of(List.of(n1, n2)), pairs(admin, "nombre"));
        Api otherAdmin = Api.staff(other.admin());
        for (String rule : List.of("email", "telefono", "rut", "nombre")) {
            assertTrue(pairs(otherAdmin, rule).isEmpty(), rule + " paired " + o1 + " with another tenant's customer");
        }
    }

    @Test
    void theKeyRulesPageByKeyAndBadInputIs422() {
        Fixtures.TestTenant t = Fixtures.tenant();
        for (int i = 0; i < 30; i++) {
            customer(t, "Uno " + i, null, null, null, "7" + i + "-1", null);
            customer(t, "Dos " + i, null, null, null, "7" + i + "1", null);
        }
        Api admin = Api.staff(t.admin());
        Api.Response first = admin.get("/api/v1/rewards/customers/duplicates?rule=rut");
        assertEquals(DuplicateRoutes.PAGE_GROUPS, first.json().get("pairs").size());
        String next = first.json().get("next").asText();
        Api.Response second = admin.get("/api/v1/rewards/customers/duplicates?rule=rut&after=" + next);
        assertEquals(30 - DuplicateRoutes.PAGE_GROUPS, second.json().get("pairs").size());
        assertTrue(second.json().get("next").isNull());
        Api.Response bad = admin.get("/api/v1/rewards/customers/duplicates?rule=zodiaco");
        assertEquals(422, bad.status());
        assertEquals("validation_failed", bad.json().get("error").asText());
        assertTrue(bad.json().get("fields").has("rule"));
        assertEquals(403, Api.staff(t.vendedor()).get("/api/v1/rewards/customers/duplicates").status());
    }
}
