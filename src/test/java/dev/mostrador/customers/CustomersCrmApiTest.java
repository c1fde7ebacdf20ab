package dev.mostrador.customers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.mostrador.customers.CrmData.API;
import static dev.mostrador.support.JsonAssert.assertBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CRM fields over the JSON API: stored and answered, checked per country, unique per tenant, a real vendedor, the tenant's interests. */
class CustomersCrmApiTest {

    @Test
    void everyCrmFieldIsStoredAndAnswered() {
        CrmData d = CrmData.chile();
        long vinos = d.interest("Vinos");
        long quesos = d.interest("Quesos");
        long vera = d.userId(d.tenant.vendedor());
        Api.Response created = d.oficina.post(API, Map.ofEntries(Map.entry("name", "Pía Muñoz"), Map.entry("email", "pia@x.cl"),
                Map.entry("phone", "+56 9 1111 2222"), Map.entry("phone_alt", "22 333 4444"), Map.entry("tax_id", "12.345.678-5"),
                Map.entry("address", "Av. Siempre Viva 742"), Map.entry("city", "Ñuñoa"), Map.entry("status", "prospecto"),
                Map.entry("preferred", true), Map.entry("vendedor_id", vera), Map.entry("notes", "Llamar los lunes"),
                Map.entry("interest_ids", List.of(vinos, quesos)), Map.entry("source", "import"), Map.entry("created_by", 1)));
        assertEquals(201, created.status(), String.valueOf(created.json()));
        JsonNode c = created.json();
        assertEquals("123456785", c.get("tax_id").asText(), "stored as digits and check digit");
        assertEquals("22 333 4444", c.get("phone_alt").asText());
        assertEquals("Ñuñoa", c.get("city").asText());
        assertEquals("prospecto", c.get("status").asText());
        assertTrue(c.get("preferred").asBoolean());
        assertEquals(vera, c.get("vendedor_id").asLong());
        assertEquals("Llamar los lunes", c.get("notes").asText());
        assertEquals(List.of("Quesos", "Vinos"), c.get("interests").findValuesAsText("name"));
        assertEquals("manual", c.get("source").asText(), "source is read-only");
        assertEquals(d.userId(d.tenant.oficina()), c.get("created_by").asLong(), "created_by is who signed in");
        long id = c.get("id").asLong();

        // A client that only knows name, email and phone keeps the CRM fields when it PUTs.
        Api.Response put = d.admin.put(API + "/" + id, Map.of("name", "Pía Muñoz R.", "email", "pia@x.cl", "phone", ""));
        assertEquals(200, put.status(), String.valueOf(put.json()));
        assertEquals("123456785", put.json().get("tax_id").asText());
        assertEquals(2, put.json().get("interests").size());
        assertEquals(vera, put.json().get("vendedor_id").asLong());
        Api.Response cleared = d.admin.put(API + "/" + id, Map.of("name", "Pía", "tax_id", "", "interest_ids", List.of(), "vendedor_id", ""));
        assertEquals(200, cleared.status(), String.valueOf(cleared.json()));
        assertTrue(cleared.json().get("tax_id").isNull());
        assertTrue(cleared.json().get("vendedor_id").isNull(), String.valueOf(cleared.json()));
        assertEquals(0, cleared.json().get("interests").size());
        assertEquals(cleared.json(), d.vendedor.get(API + "/" + id).json());
    }

    @Test
    void taxIdsAreCheckedByTheTenantsCountry() {
        CrmData cl = CrmData.chile();
        assertBody(422, "{'error':'validation_failed','fields':{'tax_id':'must be a valid RUT (the check digit does not match)'}}",
                cl.oficina.post(API, Map.of("name", "A", "tax_id", "12.345.678-4")));
        assertEquals("7775735K", cl.oficina.post(API, Map.of("name", "K", "tax_id", "7.775.735-k")).json().get("tax_id").asText());

        CrmData ar = CrmData.of("ARS", "es-AR", "America/Argentina/Buenos_Aires");
        assertEquals(201, ar.oficina.post(API, Map.of("name", "A", "tax_id", "20-12345678-6")).status());
        assertBody(422, "{'error':'validation_failed','fields':{'tax_id':'must be a valid 11-digit CUIT (the check digit does not match)'}}",
                ar.oficina.post(API, Map.of("name", "B", "tax_id", "20-12345678-5")));
        CrmData uy = CrmData.of("UYU", "es-UY", "America/Montevideo");
        assertEquals(201, uy.oficina.post(API, Map.of("name", "A", "tax_id", "211234560019")).status());
        assertEquals(422, uy.oficina.post(API, Map.of("name", "B", "tax_id", "211234560018")).status());
        CrmData pe = CrmData.of("PEN", "es-PE", "America/Lima");
        assertEquals(201, pe.oficina.post(API, Map.of("name", "A", "tax_id", "20100123453")).status());
        assertEquals(422, pe.oficina.post(API, Map.of("name", "B", "tax_id", "20100123454")).status());
        CrmData co = CrmData.of("COP", "es-CO", "America/Bogota");
        assertEquals(201, co.oficina.post(API, Map.of("name", "A", "tax_id", "800.197.268-4")).status());
        assertEquals(422, co.oficina.post(API, Map.of("name", "B", "tax_id", "800.197.268-5")).status());
        CrmData mx = CrmData.of("MXN", "es-MX", "America/Mexico_City");
        assertEquals("XAXX010101000", mx.oficina.post(API, Map.of("name", "A", "tax_id", "xaxx-010101-000")).json().get("tax_id").asText());
        assertBody(422, "{'error':'validation_failed','fields':{'tax_id':'must be 3 to 30 letters or digits'}}",
                mx.oficina.post(API, Map.of("name", "B", "tax_id", "x!")));
    }

    @Test
    void emailAndTaxIdAreUniquePerTenant() {
        CrmData d = CrmData.chile();
        long ana = d.customer(Map.of("name", "Ana", "email", "Ana@X.cl", "tax_id", "12345678-5"));
        assertBody(422, "{'error':'validation_failed','fields':{'tax_id':'is already used by another customer'}}",
                d.oficina.post(API, Map.of("name", "Otra", "tax_id", "12.345.678-5")));
        assertBody(422, "{'error':'validation_failed','fields':{'email':'is already used by another customer'}}",
                d.oficina.post(API, Map.of("name", "Otra", "email", "ana@x.CL")));
        long beto = d.customer(Map.of("name", "Beto", "email", ""));
        assertTrue(d.vendedor.get(API + "/" + beto).json().get("email").isNull(), "an empty e-mail is NULL");
        d.customer(Map.of("name", "Carla", "email", ""));
        assertBody(422, "{'error':'validation_failed','fields':{'tax_id':'is already used by another customer'}}",
                d.admin.put(API + "/" + beto, Map.of("name", "Beto", "tax_id", "123456785")));
        assertEquals(200, d.admin.put(API + "/" + ana, Map.of("name", "Ana", "email", "ana@x.cl", "tax_id", "12.345.678-5")).status(),
                "the customer's own tax id and e-mail are not someone else's");
        // Another tenant may have the same ones.
        CrmData other = CrmData.chile();
        assertEquals(201, other.oficina.post(API, Map.of("name", "Ana", "email", "ana@x.cl", "tax_id", "12345678-5")).status());
    }

    @Test
    void theVendedorAndInterestsMustBeTheTenants() {
        CrmData d = CrmData.chile();
        CrmData other = CrmData.chile();
        long oficina = d.userId(d.tenant.oficina());
        long theirVendedor = other.userId(other.tenant.vendedor());
        String notVendedor = "{'error':'validation_failed','fields':{'vendedor_id':'must be an active user of this business with the vendedor role'}}";
        assertBody(422, notVendedor, d.oficina.post(API, Map.of("name", "A", "vendedor_id", oficina)));
        assertBody(422, notVendedor, d.oficina.post(API, Map.of("name", "A", "vendedor_id", theirVendedor)));
        assertBody(422, "{'error':'validation_failed','fields':{'interest_ids':'must be interests of this business'}}",
                d.oficina.post(API, Map.of("name", "A", "interest_ids", List.of(other.interest("Ajeno")))));
        assertBody(422, "{'error':'validation_failed','fields':{'status':'must be one of prospecto, activo, inactivo, perdido'}}",
                d.oficina.post(API, Map.of("name", "A", "status", "vip")));
        assertBody(422, "{'error':'validation_failed','fields':{'interest_ids':'must be an array of ids'}}",
                d.oficina.post(API, Map.of("name", "A", "interest_ids", "vinos")));
        assertBody(422, "{'error':'validation_failed','fields':{'preferred':'must be true or false'}}",
                d.oficina.post(API, Map.of("name", "A", "preferred", "si")));
    }
}
