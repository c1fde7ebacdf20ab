package dev.mostrador.customers;

import dev.mostrador.support.Browser;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.mostrador.customers.CrmData.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The customers list: accent-insensitive search, each filter, keyset pages, the bounded count, and the CSV of every column. */
class CustomersListTest {
    private static final Pattern ROW = Pattern.compile("<a href=\"/recompensas/clientes/\\d+\">([^<]+)</a>");
    private static final Pattern NEXT = Pattern.compile("href=\"([^\"]+&(?:amp;)?after=[^\"]+)\" data-testid=\"next-page\"");

    @Test
    void searchIgnoresAccentsAndCaseAcrossNameEmailPhonesAndTaxId() {
        CrmData d = CrmData.chile();
        d.customer(Map.of("name", "José Peña", "email", "jp@correo.cl", "phone", "+56 9 5555 0001", "tax_id", "12.345.678-5"));
        d.customer(Map.of("name", "Ana Soto", "phone_alt", "22 777 8888"));
        d.customer(Map.of("name", "100%_real"));
        Browser b = new Browser().signedIn(d.tenant.vendedor());
        for (String q : List.of("pena", "PEÑA", "jose", "JOSÉ", "correo.cl", "5555", "123456785")) {
            assertEquals(List.of("José Peña"), names(b, "/recompensas/clientes?q=" + enc(q)), q);
        }
        assertEquals(List.of("Ana Soto"), names(b, "/recompensas/clientes?q=777"), "the second phone");
        assertEquals(List.of("100%_real"), names(b, "/recompensas/clientes?q=" + enc("0%_")), "% and _ are literal");
        assertEquals(List.of("100%_real"), names(b, "/recompensas/clientes?q=" + enc("%")));
        assertEquals(List.of(), names(b, "/recompensas/clientes?q=" + enc("o_e")), "not a wildcard: jOSE would match");
        assertEquals("1", d.vendedor.get(API + "?q=pena").header("X-Total-Count"));
        CustomerRepository repo = new CustomerRepository(CrmData.db());
        assertEquals(List.of("José Peña"), repo.search(d.tenant.id(), "PENA", 10, 0).stream().map(Customer::name).toList(), "the pickers' search");
        assertEquals(3, repo.search(d.tenant.id(), null, 10, 0).size());
    }

    @Test
    void eachFilterAndTheSorts() {
        CrmData d = CrmData.chile();
        long vinos = d.interest("Vinos");
        long vera = d.userId(d.tenant.vendedor());
        d.customer(Map.of("name", "Bea", "status", "prospecto", "city", "Ñuñoa", "preferred", true));
        d.customer(Map.of("name", "Abel", "status", "activo", "city", "Arica", "vendedor_id", vera, "interest_ids", List.of(vinos)));
        d.customer(Map.of("name", "Ciro", "status", "perdido", "city", "nunoa"));
        Browser b = new Browser().signedIn(d.tenant.admin());
        String base = "/recompensas/clientes";
        assertEquals(List.of("Abel", "Bea", "Ciro"), names(b, base));
        assertEquals(List.of("Bea"), names(b, base + "?status=prospecto"));
        assertEquals(List.of("Abel"), names(b, base + "?interes=" + vinos));
        assertEquals(List.of("Abel"), names(b, base + "?vendedor=" + vera));
        assertEquals(List.of("Bea", "Ciro"), names(b, base + "?city=NUNOA"), "the city ignores accents and case");
        assertEquals(List.of("Bea"), names(b, base + "?preferred=1"));
        assertEquals(List.of("Bea"), names(b, base + "?city=nunoa&status=prospecto"));
        assertEquals(List.of("Ciro", "Abel", "Bea"), names(b, base + "?sort=newest"));
        assertEquals(List.of("Abel", "Bea", "Ciro"), names(b, base + "?sort=city"));
        assertEquals(List.of("Ciro", "Bea", "Abel"), names(b, base + "?sort=name&dir=desc"));
        List<String> api = new ArrayList<>();
        d.vendedor.get(API + "?interes=" + vinos).json().forEach(c -> api.add(c.get("name").asText()));
        assertEquals(List.of("Abel"), api, "the API filters the same");
        assertTrue(b.get(base + "?status=nada&interes=x&vendedor=-1").statusCode() == 200, "a malformed filter is ignored");
    }

    @Test
    void keysetPagesWalkTheWholeListOnceAndTheCountIsBounded() {
        CrmData d = CrmData.chile();
        CrmData.db().execute("INSERT INTO customers (tenant_id, name, city) SELECT ?, 'Cliente ' || lpad(g::text, 4, '0'), "
                + "CASE WHEN g % 2 = 0 THEN 'Talca' ELSE 'Arica' END FROM generate_series(1, 1010) g", d.tenant.id());
        Browser b = new Browser().signedIn(d.tenant.admin());
        for (String sort : List.of("name", "newest", "city")) {
            List<String> seen = new ArrayList<>();
            String url = "/recompensas/clientes?sort=" + sort;
            int pages = 0;
            while (url != null && pages++ < 60) {
                String body = b.get(url).body();
                seen.addAll(names(body));
                Matcher m = NEXT.matcher(body);
                url = m.find() ? m.group(1).replace("&amp;", "&") : null;
            }
            assertEquals(1010, seen.size(), sort);
            assertEquals(1010, seen.stream().distinct().count(), sort + ": no row twice");
            if (sort.equals("name")) assertEquals("Cliente 0001", seen.get(0));
            if (sort.equals("newest")) assertEquals("Cliente 1010", seen.get(0));
            if (sort.equals("city")) assertEquals("Cliente 0001", seen.get(0), "Arica first, then by name");
        }
        assertTrue(b.get("/recompensas/clientes").body().contains("Clientes (más de 1.000)"));
        assertTrue(b.get("/recompensas/clientes?city=talca").body().contains("Clientes (505)"));
        String searched = b.get("/recompensas/clientes?q=cliente").body();
        assertTrue(searched.contains("Clientes (más de 100)"), "a search counts to 100");
        assertEquals("Cliente 1010", names(searched).get(0), "a search is newest first unless asked otherwise");
        assertEquals("Cliente 0001", names(b, "/recompensas/clientes?q=cliente&sort=name").get(0));
        // 'cliente 00' matches 0001-0099: the first page's count comes from its own statement, the next page's counts apart.
        String few = b.get("/recompensas/clientes?q=cliente+00").body();
        assertTrue(few.contains("Clientes (99)"), "an exact count under the cap");
        assertEquals("Cliente 0099", names(few).get(0));
        assertEquals(25, names(few).size());
        Matcher next = NEXT.matcher(few);
        assertTrue(next.find());
        String second = b.get(next.group(1).replace("&amp;", "&")).body();
        assertTrue(second.contains("Clientes (99)"), "the same count on the next page");
        assertEquals("Cliente 0074", names(second).get(0));
        assertEquals("99", d.vendedor.get(API + "?q=cliente+00").header("X-Total-Count"));
        assertEquals(null, d.vendedor.get(API + "?q=cliente+00").header("X-Total-Count-Capped"));
        assertEquals(99, d.vendedor.get(API + "?q=cliente+00").json().size());
        assertEquals("1000", d.vendedor.get(API).header("X-Total-Count"));
        assertEquals("true", d.vendedor.get(API).header("X-Total-Count-Capped"));
        String cursor = d.vendedor.get(API).header("X-Next-Cursor");
        assertEquals(100, d.vendedor.get(API + "?after=" + cursor).json().size());
        assertEquals("Cliente 0101", d.vendedor.get(API + "?after=" + cursor).json().get(0).get("name").asText());
        assertEquals(200, b.get("/recompensas/clientes?after=garbage").statusCode(), "a hand-edited cursor is the first page");
    }

    @Test
    void aRareFragmentBeyondTheNewestWalkedIsFoundNewestFirst() {
        CrmData d = CrmData.chile();
        int total = CustomerQuery.SEARCH_WALK + 1_000;
        // 'Rareza' three times, two of them older than the newest SEARCH_WALK; 'Viejo' 150 times, all older.
        CrmData.db().execute("INSERT INTO customers (tenant_id, name) SELECT ?, CASE WHEN g IN (3, 10, ?) THEN 'Rareza ' || g "
                + "WHEN g BETWEEN 200 AND 349 THEN 'Viejo ' || g ELSE 'Cliente ' || g END FROM generate_series(1, ?) g ORDER BY g",
                d.tenant.id(), total - 10, total);
        // Another tenant's newer customers with the same names: walked past, never shown.
        CrmData other = CrmData.chile();
        CrmData.db().execute("INSERT INTO customers (tenant_id, name) SELECT ?, 'Rareza ajena ' || g FROM generate_series(1, 200) g", other.tenant.id());
        Browser b = new Browser().signedIn(d.tenant.admin());
        String rare = b.get("/recompensas/clientes?q=rareza").body();
        assertEquals(List.of("Rareza " + (total - 10), "Rareza 10", "Rareza 3"), names(rare), "newest first, the walk's and the index's together");
        assertTrue(rare.contains("Clientes (3)"));
        String old = b.get("/recompensas/clientes?q=viejo").body();
        assertTrue(old.contains("Clientes (más de 100)"), "counted past the walk");
        assertEquals("Viejo 349", names(old).get(0));
        assertEquals(100, d.vendedor.get(API + "?q=viejo").json().size(), "the API's first page: 100 of the 150");
        assertEquals("Viejo 349", d.vendedor.get(API + "?q=viejo").json().get(0).get("name").asText());
        String common = b.get("/recompensas/clientes?q=cliente").body();
        assertTrue(common.contains("Clientes (más de 100)"));
        assertEquals("Cliente " + total, names(common).get(0));
    }

    @Test
    void csvHasEveryColumnOfTheFilteredSetAndEscapesFormulas() {
        CrmData d = CrmData.chile();
        long vinos = d.interest("Vinos");
        long quesos = d.interest("Quesos");
        d.customer(Map.ofEntries(Map.entry("name", "=HYPERLINK(\"x\")"), Map.entry("email", "a@x.cl"), Map.entry("phone", "+56 9 1111 2222"),
                Map.entry("phone_alt", "-22 333"), Map.entry("tax_id", "12345678-5"), Map.entry("address", "@calle 1"), Map.entry("city", "Talca"),
                Map.entry("status", "prospecto"), Map.entry("preferred", true), Map.entry("vendedor_id", d.userId(d.tenant.vendedor())),
                Map.entry("notes", "+nota"), Map.entry("interest_ids", List.of(vinos, quesos))));
        d.customer(Map.of("name", "Otro", "city", "Arica"));
        List<String> lines = new Browser().signedIn(d.tenant.admin()).get("/recompensas/clientes.csv?city=talca").body().lines().toList();
        assertEquals(2, lines.size(), "the header and the filtered customer");
        assertEquals("\uFEFFid;Nombre;RUT / ID fiscal;Correo;Teléfono;Segundo teléfono;Dirección;Ciudad / comuna;Estado;Preferente;"
                + "Vendedor asignado;Intereses;Notas;Origen;Creado por;Creado el;Saldo de lümis", lines.get(0));
        String row = lines.get(1);
        assertTrue(row.matches("\\d+;\"'=HYPERLINK\\(\"\"x\"\"\\)\";12\\.345\\.678-5;a@x\\.cl;'\\+56 9 1111 2222;'-22 333;'@calle 1;Talca;Prospecto;Sí;"
                + "Vera Vendedora;Quesos, Vinos;'\\+nota;Ingresado a mano;Óscar Oficina;\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d;0"), row);
    }

    @Test
    void anEmptyListSaysWhatToDo() {
        CrmData d = CrmData.chile();
        Browser b = new Browser().signedIn(d.tenant.admin());
        assertTrue(b.get("/recompensas/clientes").body().contains("Todavía no hay clientes"));
        assertNull(d.vendedor.get(API).header("X-Next-Cursor"));
    }

    static List<String> names(Browser b, String url) {
        var r = b.get(url);
        assertEquals(200, r.statusCode(), url);
        return names(r.body());
    }

    static List<String> names(String body) {
        List<String> found = new ArrayList<>();
        Matcher m = ROW.matcher(body);
        while (m.find()) found.add(m.group(1).replace("&#34;", "\"").replace("&quot;", "\"").replace("&amp;", "&"));
        return found;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
