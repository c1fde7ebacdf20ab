package dev.mostrador.rewards;

import dev.mostrador.rewards.redemptions.AuditEntry;
import dev.mostrador.rewards.redemptions.AuditSentences;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.PageContext;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Each action × details the trigger and the AuditWriter write, told in Spanish and English; unknown ones still read as sentences. */
class AuditSentencesTest {
    private static final PageContext ES = new PageContext(null, Messages.of("es"), "", null, "/");
    private static final PageContext EN = new PageContext(null, Messages.of("en"), "", null, "/");

    @Test
    void eachKnownActionIsASentence() {
        assertEquals("Canjeado por Ana Admin desde la web: 1.800 lümis",
                es("created", "user", "ana@x.cl", "Ana Admin", Map.of("channel", "web", "to", "pending", "lumis", 1800)));
        assertEquals("Canjeado por ana@x.cl desde la API: 800 lümis",
                es("created", "user", "ana@x.cl", null, Map.of("channel", "api", "to", "pending", "lumis", 800)));
        assertEquals("Confirmado por Café Norte desde el portal de comercios: la recompensa se entregó (120 lümis)",
                es("confirmed", "merchant", "m-1", "Café Norte", Map.of("channel", "web", "from", "pending", "to", "confirmed", "lumis", 120)));
        assertEquals("Anulado por Óscar Oficina desde la web: se devolvieron 100 lümis al cliente",
                es("cancelled", "user", "o@x.cl", "Óscar Oficina", Map.of("channel", "web", "from", "pending", "to", "cancelled", "lumis", 100)));
        assertEquals("Vencido por el trabajo de vencimiento: se devolvieron 25.000 lümis al cliente",
                es("expired", "system", "expire_old_redemptions", null, Map.of("from", "pending", "to", "expired", "lumis", 25000)));
        assertEquals("Anulado por Óscar Oficina desde la web: se devolvió 1 lümi al cliente",
                es("cancelled", "user", "o@x.cl", "Óscar Oficina", Map.of("channel", "web", "from", "pending", "to", "cancelled", "lumis", 1)));
        assertEquals("Confirmado por Café Norte: la recompensa se entregó (1 lümi)",
                es("confirmed", "merchant", "m-1", "Café Norte", Map.of("lumis", 1)));
        assertEquals("Consultado por Café Norte desde la API: el código ya estaba canjeado",
                es("validated", "merchant", "m-1", "Café Norte", Map.of("channel", "api", "verdict", "confirmed")));
        assertEquals("Búsqueda fallida por un comercio desde el portal de comercios: el código 7KQ2M-X9D4P no existe",
                es("lookup_failed", "merchant", "m-2", null, Map.of("channel", "web", "code", "7kq2mx9d4p")));
        assertEquals("Consultas bloqueadas para Kiosco desde la API: demasiados códigos desconocidos",
                es("rate_limited", "merchant", "m-1", "Kiosco", Map.of("channel", "api", "reason", "too_many_unknown_codes")));

        assertEquals("Redeemed by Ana Admin from the web: 1,800 lümis",
                sentence(EN, "created", "user", "ana@x.cl", "Ana Admin", Map.of("channel", "web", "lumis", 1800)));
        assertEquals("Expired by the expiry job: 5 lümis went back to the customer",
                sentence(EN, "expired", "system", "expire_old_redemptions", null, Map.of("lumis", 5)));
        assertEquals("Expired by the expiry job: 1 lümi went back to the customer",
                sentence(EN, "expired", "system", "expire_old_redemptions", null, Map.of("lumis", 1)));
        assertEquals("Looked up by Kiosco from the merchant portal: the code was pending",
                sentence(EN, "validated", "merchant", "m", "Kiosco", Map.of("channel", "web", "verdict", "pending")));
    }

    @Test
    void unknownActionsChannelsAndKeysStillRead() {
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("channel", "kiosk");
        md.put("note", "cliente reclamó");
        md.put("to", "reopened");
        assertEquals("reopened por el sistema desde «kiosk»", es("reopened", "system", "nightly", null, md));
        assertEquals("Otros datos: «note» cliente reclamó", AuditSentences.extras(ES, entry("reopened", "system", "nightly", null, md)));
        assertEquals("Canjeado por alguien: 40 lümis", es("created", "robot", null, null, Map.of("lumis", 40, "to", "pending")));
        assertEquals("Creado por Ana desde la web", es("created", "user", "a@x.cl", "Ana", Map.of("channel", "web")), "no amount: the action's name");
        assertEquals("Confirmado por el cliente", es("confirmed", "customer", "7", null, Map.of()));
        assertEquals("Consultado por el sistema", es("validated", "system", null, null, Map.of("verdict", "whatever")));
        assertNull(AuditSentences.extras(ES, entry("created", "user", "a", null, Map.of("channel", "web", "lumis", 1, "from", "x", "to", "y"))));
    }

    @Test
    void userAgentsAreWordedInTheLanguage() {
        String android = "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36";
        assertEquals("Samsung Internet en Android", AuditSentences.device(ES, android));
        assertEquals("Samsung Internet on Android", AuditSentences.device(EN, android));
        assertEquals("curl", AuditSentences.device(ES, "curl/8.5.0"));
        assertEquals("Cliente de API", AuditSentences.device(ES, "Java-http-client/17.0.13"));
        assertEquals("CajaRegistradora (cliente de API)", AuditSentences.device(ES, "CajaRegistradora/3.1"));
        assertEquals("CajaRegistradora (API client)", AuditSentences.device(EN, "CajaRegistradora/3.1"));
        assertEquals("Otro programa", AuditSentences.device(ES, "(sin nombre)"));
        assertEquals("—", AuditSentences.device(ES, null));
    }

    private static String es(String action, String actorType, String actorId, String actorName, Map<String, Object> md) {
        return sentence(ES, action, actorType, actorId, actorName, md);
    }

    private static String sentence(PageContext page, String action, String actorType, String actorId, String actorName, Map<String, Object> md) {
        return AuditSentences.sentence(page, entry(action, actorType, actorId, actorName, md));
    }

    private static AuditEntry entry(String action, String actorType, String actorId, String actorName, Map<String, Object> md) {
        return new AuditEntry(1, action, actorType, actorId, actorName, null, null, md, OffsetDateTime.now(), null, null);
    }
}
