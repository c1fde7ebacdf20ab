package dev.mostrador.rewards;

import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.mostrador.support.HtmlOrder.assertOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Movimientos as a list like the others: by date either way, the CSV of exactly the filtered ledger, date presets. */
class LedgerListTest {
    private static final Pattern OLDER = Pattern.compile("href=\"([^\"]*)\" data-testid=\"older\"");

    @Test
    void theLedgerSortsByDateEitherWayExportsTheFilteredLedgerAndOffersDatePresets() {
        var t = Fixtures.tenant();
        ZoneId zone = t.tenant().zone();
        LocalDate today = LocalDate.now(zone);
        OffsetDateTime midnight = today.atStartOfDay(zone).toOffsetDateTime();
        long ana = customer(t.id(), "Ana");
        entry(t.id(), ana, 100, "earn", "uno", midnight.plusHours(1));
        entry(t.id(), ana, -30, "adjust", "=dos", midnight.plusHours(2));
        entry(t.id(), ana, 50, "earn", "tres", midnight.minusDays(10));
        UUID other = Fixtures.tenant().id();
        entry(other, customer(other, "Ajena"), 999, "earn", "ajeno", midnight.plusHours(1));
        Browser admin = new Browser().signedIn(t.admin());

        String newest = admin.get("/recompensas/movimientos").body();
        assertOrder(newest, ">=dos", ">uno", ">tres");
        assertTrue(newest.contains("aria-sort=\"descending\""));
        assertOrder(admin.get("/recompensas/movimientos?sort=created&dir=asc").body(), ">tres", ">uno", ">=dos");
        assertEquals(200, admin.get("/recompensas/movimientos?sort=amount;--&dir=x").statusCode());

        String day = "from=" + today + "&to=" + today;
        String filtered = admin.get("/recompensas/movimientos?kind=earn&" + day).body();
        assertTrue(filtered.contains("href=\"/recompensas/movimientos.csv?kind=earn&amp;from=" + today + "&amp;to=" + today
                + "&amp;sort=created&amp;dir=desc\""), "the CSV link is the filtered list");
        assertTrue(filtered.contains("href=\"/recompensas/movimientos?kind=earn&amp;from=" + today + "&amp;to=" + today
                + "&amp;sort=created&amp;dir=asc\""), "the date header sorts the filtered list");
        HttpResponse<String> csv = admin.get("/recompensas/movimientos.csv?kind=earn&" + day);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("movimientos-" + today + ".csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals(List.of("\uFEFFFecha;Cliente;Tipo;Motivo;Lümis", today + " 01:00;Ana;Abono;uno;100"), lines);

        List<String> all = admin.get("/recompensas/movimientos.csv?sort=created&dir=asc").body().lines().toList();
        assertEquals(4, all.size(), "the header and this tenant's three: " + all);
        assertTrue(all.get(1).endsWith(";Ana;Abono;tres;50"), all.get(1));
        assertTrue(all.get(3).endsWith(";Ana;Ajuste;'=dos;-30"), "formula-looking text is quoted: " + all.get(3));

        String presets = admin.get("/recompensas/movimientos?kind=earn").body();
        assertTrue(presets.contains("href=\"/recompensas/movimientos?kind=earn&amp;from=" + today + "&amp;to=" + today
                + "&amp;sort=created&amp;dir=desc\" data-testid=\"list.preset.today\""), "Hoy");
        assertTrue(presets.contains("from=" + today.minusDays(6) + "&amp;to=" + today + "&amp;sort"), "7 días");
        assertTrue(presets.contains("from=" + today.withDayOfMonth(1) + "&amp;to=" + today.withDayOfMonth(today.lengthOfMonth())), "Este mes");

        assertEquals(403, new Browser().signedIn(t.vendedor()).get("/recompensas/movimientos.csv").statusCode());
    }

    @Test
    void theNextPageKeepsTheFilterAndTheOrderAndTheExportHasEveryPage() {
        var t = Fixtures.tenant();
        long beto = customer(t.id(), "Beto");
        OffsetDateTime start = LocalDate.now(t.tenant().zone()).minusDays(2).atStartOfDay(t.tenant().zone()).toOffsetDateTime();
        dsl().execute("INSERT INTO fact_accumulations (tenant_id, customer_id, amount, kind, reason, created_at) SELECT ?::uuid, ?, n, 'adjust', "
                + "'r' || lpad(n::text, 3, '0'), ?::timestamptz + n * interval '1 minute' FROM generate_series(1, 52) n", t.id(), beto, start);
        entry(t.id(), beto, 5, "earn", "no es ajuste", start);
        Browser admin = new Browser().signedIn(t.admin());

        String first = admin.get("/recompensas/movimientos?kind=adjust&sort=created&dir=asc").body();
        assertOrder(first, ">r001", ">r002", ">r050");
        assertFalse(first.contains(">r051"));
        Matcher older = OLDER.matcher(first);
        assertTrue(older.find(), "a next page");
        String next = older.group(1).replace("&amp;", "&");
        assertTrue(next.startsWith("/recompensas/movimientos?kind=adjust&sort=created&dir=asc&before="), next);
        String second = admin.get(next).body();
        assertOrder(second, ">r051", ">r052");
        assertFalse(second.contains(">r050") || second.contains("no es ajuste"));

        assertEquals(53, admin.get("/recompensas/movimientos.csv?kind=adjust").body().lines().count(), "the header and all 52, not one page");
    }

    private static long customer(UUID tenant, String name) {
        return dsl().fetchOne("INSERT INTO customers (tenant_id, name) VALUES (?::uuid, ?) RETURNING id", tenant, name).get(0, Long.class);
    }

    private static void entry(UUID tenant, long customer, int amount, String kind, String reason, OffsetDateTime at) {
        dsl().execute("INSERT INTO fact_accumulations (tenant_id, customer_id, amount, kind, reason, created_at) VALUES (?::uuid, ?, ?, ?, ?, ?::timestamptz)",
                tenant, customer, amount, kind, reason, at);
    }

    private static DSLContext dsl() {
        return TestDatabase.get().dsl();
    }
}
