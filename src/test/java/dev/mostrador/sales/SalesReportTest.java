package dev.mostrador.sales;

import dev.mostrador.sales.SalesRows.Line;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import static dev.mostrador.sales.SalesRows.pedido;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report's figures on a handful of orders made here: exact sums per day, product, vendedor,
 * customer and oferta (a deleted oferta reported from the lines' copy); cancelled orders out,
 * returned ones apart, days counted in the tenant's zone, another tenant's orders never counted;
 * the CSV of each table; admin and oficina may read it, vendedor may not.
 */
class SalesReportTest {
    private static final String RANGE = "desde=2025-03-03&hasta=2025-03-09&agrupar=dia";
    private static final ZoneId ZONE = ZoneId.of("America/Santiago");
    private static Fixtures.TestTenant t;

    @BeforeAll
    static void data() {
        t = Fixtures.tenant();
        fill(t);
        fill(Fixtures.tenant()); // the same orders in another tenant: never counted here
    }

    private static void fill(Fixtures.TestTenant tenant) {
        UUID id = tenant.id();
        long admin = SalesRows.userId(tenant.admin()), oficina = SalesRows.userId(tenant.oficina());
        long a = SalesRows.product(id, "CAFE-1", "Café", "1000"), b = SalesRows.product(id, "TE-1", "Té", "3000");
        long ana = SalesRows.customer(id, "Ana Pérez");
        pedido(id, at("2025-03-03T10:00"), "entregado", admin, ana,
                new Line(a, 2, "1000", 987654, "Oferta borrada", "500"), Line.plain(b, 1, "3000"));
        pedido(id, at("2025-03-03T23:30"), "confirmado", oficina, null, Line.plain(b, 2, "3000")); // the 4th in UTC, the 3rd here
        pedido(id, at("2025-03-05T12:00"), "cancelado", admin, ana, Line.plain(a, 10, "1000"));
        pedido(id, at("2025-03-06T12:00"), "devuelto", oficina, ana, Line.plain(b, 1, "3000"));
        pedido(id, at("2025-03-02T23:59"), "entregado", admin, ana, Line.plain(a, 1, "1000")); // the day before the range
        pedido(id, at("2025-03-10T00:00"), "entregado", admin, ana, Line.plain(a, 1, "1000")); // the day after it
    }

    private static OffsetDateTime at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toOffsetDateTime();
    }

    @Test
    void figuresOfTheRange() {
        String html = get(t.admin(), "/reportes/ventas?" + RANGE);
        assertTrue(html.contains("data-testid=\"sales-pedidos\"><span class=\"figure-value\">2</span>"), html);
        assertTrue(html.contains("$ 10.500"), "total sold");
        assertTrue(html.contains("data-testid=\"sales-devueltos\"><span class=\"figure-value\">1</span>"));
        assertTrue(html.contains("data-testid=\"sales-cancelados\"><span class=\"figure-value\">1</span>"));
        assertTrue(html.contains("Oferta borrada"), "the oferta from the lines' copy");
        assertTrue(html.contains("<svg class=\"bar-chart\""), "charts drawn on the server");
    }

    @Test
    void everyTableAsCsv() {
        assertEquals("Día;Pedidos;Total;Devueltos;Total devuelto\r\n2025-03-03;2;10500,00;0;0,00\r\n2025-03-04;0;0,00;0;0,00\r\n"
                + "2025-03-05;0;0,00;0;0,00\r\n2025-03-06;0;0,00;1;3000,00\r\n2025-03-07;0;0,00;0;0,00\r\n2025-03-08;0;0,00;0;0,00\r\n2025-03-09;0;0,00;0;0,00\r\n",
                csv("periodos"));
        assertEquals(lines("id;Código;Producto;Unidades;Total", product("TE-1") + ";TE-1;Té;3;9000,00", product("CAFE-1") + ";CAFE-1;Café;2;1500,00"),
                csv("productos"));
        String vendedores = csv("vendedores");
        assertTrue(vendedores.contains(";" + t.oficina() + ";") && vendedores.contains(";1;6000,00\r\n"), vendedores);
        assertTrue(vendedores.contains(";" + t.admin() + ";") && vendedores.contains(";1;4500,00\r\n"), vendedores);
        assertEquals(3, vendedores.split("\r\n").length, vendedores);
        String clientes = csv("clientes");
        assertTrue(clientes.endsWith(";;Sin cliente;1;6000,00\r\n" + clientes.split("\r\n")[2] + "\r\n") || clientes.contains(";;Sin cliente;1;6000,00\r\n"), clientes);
        assertTrue(clientes.contains(";Ana Pérez;1;4500,00\r\n"), clientes);
        assertEquals(lines("id;Oferta;Pedidos;Unidades;Descuento", "987654;Oferta borrada;1;2;500,00"), csv("ofertas"));
    }

    @Test
    void weeksStartOnMonday() {
        String csv = new String(bytes(t.oficina(), "/reportes/ventas.csv?tabla=periodos&desde=2025-03-03&hasta=2025-03-16&agrupar=semana"),
                StandardCharsets.UTF_8).substring(1);
        assertEquals(lines("Semana (desde el lunes);Pedidos;Total;Devueltos;Total devuelto", "2025-03-03;2;10500,00;1;3000,00",
                "2025-03-10;1;1000,00;0;0,00"), csv);
    }

    @Test
    void adminAndOficinaOnly() {
        assertEquals(200, new Browser().signedIn(t.oficina()).get("/reportes/ventas").statusCode());
        assertNotEquals(200, new Browser().signedIn(t.vendedor()).get("/reportes/ventas").statusCode());
        assertNotEquals(200, new Browser().signedIn(t.vendedor()).get("/reportes/ventas.csv?tabla=ofertas").statusCode());
        assertNotEquals(200, new Browser().get("/reportes/ventas").statusCode());
    }

    @Test
    void nonsenseInTheQueryFallsBackToThisMonth() {
        assertEquals(200, new Browser().signedIn(t.admin()).get("/reportes/ventas?desde=x&hasta=99999-01-01&agrupar=mes").statusCode());
        assertEquals(200, new Browser().signedIn(t.admin()).getBytes("/reportes/ventas.csv?tabla=nada&desde=2025-03-09&hasta=2025-03-01").statusCode());
    }

    private static long product(String sku) {
        return ((Number) dev.mostrador.support.TestDatabase.get().dsl().fetchValue("SELECT id FROM productos WHERE tenant_id = ? AND sku = ?",
                t.id(), sku)).longValue();
    }

    private static String lines(String... rows) {
        return String.join("\r\n", rows) + "\r\n";
    }

    private static String csv(String table) {
        String body = new String(bytes(t.admin(), "/reportes/ventas.csv?tabla=" + table + "&" + RANGE), StandardCharsets.UTF_8);
        assertEquals('\uFEFF', body.charAt(0), "a BOM for Excel");
        return body.substring(1);
    }

    private static byte[] bytes(String email, String path) {
        HttpResponse<byte[]> r = new Browser().signedIn(email).getBytes(path);
        assertEquals(200, r.statusCode());
        return r.body();
    }

    private static String get(String email, String path) {
        HttpResponse<String> r = new Browser().signedIn(email).get(path);
        assertEquals(200, r.statusCode());
        return r.body();
    }
}
