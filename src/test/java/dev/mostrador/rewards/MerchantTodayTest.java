package dev.mostrador.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.rewards.redemptions.Codes;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.MerchantPortal;
import dev.mostrador.support.RewardsData;
import dev.mostrador.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.mostrador.support.TenantClock.TIME;
import static dev.mostrador.support.TenantClock.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merchant portal lists what this merchant confirmed today, "today" in the tenant's time zone:
 * time, code with its dash, offer and lümis, newest first, with the count; not yesterday's, not
 * another merchant's, nothing about the customer.
 */
class MerchantTodayTest {
    private static final Pattern ROW = Pattern.compile("<tr data-testid=\"today-row\">(.*?)</tr>", Pattern.DOTALL);

    @Test
    void thePortalListsTodaysConfirmationsOfThisMerchant() {
        RewardsData d = RewardsData.of(Fixtures.tenant());
        JsonNode shop = d.merchant("Panadería Hoy", null);
        JsonNode other = d.merchant("Botillería Hoy", null);
        String bread = d.offerAt("Marraqueta gratis", shop.get("merchant_id").asText(), 1250);
        String anywhere = d.offerAt("Bolsa reutilizable", null, 100);
        long customer = d.customer("Rosa Privada", "rosa.hoy@example.cl", 9000);
        MerchantPortal portal = MerchantPortal.signedIn(shop.get("api_key").asText());

        String empty = portal.home().body();
        assertTrue(empty.contains("Confirmados hoy <span class=\"count\" data-testid=\"today-count\">(0)</span>"), empty);
        assertTrue(empty.contains("Aún no hay canjes confirmados hoy"), empty);

        JsonNode first = d.redeem(d.admin, customer, bread);
        JsonNode second = d.redeem(d.admin, customer, anywhere);
        JsonNode yesterday = d.redeem(d.admin, customer, bread);
        JsonNode theirs = d.redeem(d.admin, customer, anywhere);
        for (JsonNode r : new JsonNode[] {first, second, yesterday}) {
            assertEquals(200, portal.confirm(r.get("redemption_code").asText()).statusCode());
        }
        assertEquals(200, MerchantPortal.signedIn(other.get("api_key").asText()).confirm(theirs.get("redemption_code").asText()).statusCode());
        ZoneId zone = d.tenant.tenant().zone();
        OffsetDateTime lastNight = LocalDate.now(zone).atStartOfDay(zone).toOffsetDateTime().minusMinutes(1);
        TestDatabase.get().dsl().execute("UPDATE rewards.user_redemptions SET validated_at = ?::timestamptz WHERE redemption_id = ?",
                lastNight.toString(), UUID.fromString(yesterday.get("redemption_id").asText()));

        String html = portal.home().body();
        assertTrue(html.contains("data-testid=\"today-count\">(2)</span>"), html);
        Matcher rows = ROW.matcher(html);
        assertTrue(rows.find());
        assertRow(rows.group(1), d, second, "Bolsa reutilizable", "100");
        assertTrue(rows.find());
        assertRow(rows.group(1), d, first, "Marraqueta gratis", "1.250");
        assertFalse(rows.find(), "not yesterday's, not another merchant's");
        assertFalse(html.contains(Codes.display(yesterday.get("redemption_code").asText())));
        assertFalse(html.contains("Rosa") || html.contains("rosa.hoy"), "nothing about the customer");

        String theirPage = MerchantPortal.signedIn(other.get("api_key").asText()).home().body();
        assertTrue(theirPage.contains("data-testid=\"today-count\">(1)</span>"), theirPage);
        assertFalse(theirPage.contains("Marraqueta gratis"));
    }

    @Test
    void withoutJavaScriptThereIsNoScanButtonToPress() {
        RewardsData d = RewardsData.of(Fixtures.tenant());
        String html = MerchantPortal.signedIn(d.merchant("Kiosco Sin JS", null).get("api_key").asText()).home().body();
        assertTrue(html.contains("data-testid=\"scan\" hidden>Escanear QR</button>"), "scan.js shows it where a camera exists");
        assertTrue(html.contains("<script src=\"/static/js/scan.js\" defer></script>"), html);
        assertTrue(html.contains("id=\"code\" name=\"code\""), "typing stays");
    }

    private static void assertRow(String row, RewardsData d, JsonNode r, String offer, String lumis) {
        JsonNode validatedAt = d.redemption(r.get("redemption_id").asText()).get("validated_at");
        String expected = "<td>" + local(validatedAt, d, TIME) + "</td><td class=\"rw-mono nowrap\">"
                + Codes.display(r.get("redemption_code").asText()) + "</td><td class=\"rw-today-offer\">" + offer + "</td>";
        assertTrue(row.contains(expected), () -> "expected " + expected + " in " + row);
        assertTrue(row.contains("<td class=\"num\">" + lumis + "</td>"), row);
    }
}
