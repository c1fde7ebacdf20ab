package dev.mostrador.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.RewardsData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import static dev.mostrador.support.Eventually.eventually;
import static dev.mostrador.support.JsonAssert.fields;
import static dev.mostrador.support.JsonAssert.json;
import static dev.mostrador.support.JsonAssert.withoutTime;
import static dev.mostrador.support.RewardsApiFields.AUDIT_FIELDS;
import static dev.mostrador.support.RewardsApiFields.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit trail of a redemption over the rewards JSON API: every step with its actor, IP and User-Agent. */
class RedemptionAuditApiTest {

    @Test
    void theAuditTrailRecordsEveryStepWithActorIpAndUserAgent() {
        RewardsData p = RewardsData.create();
        long customer = p.customer("Auditada", 1000);
        JsonNode m = p.merchant("Librería");
        String merchantId = m.get("merchant_id").asText();
        Api pos = Api.merchant(m.get("api_key").asText()).from("192.168.7.20", "CajaRegistradora/3.1");
        String offer = p.offer("Libro", 120, 5);
        Api counter = p.oficina.from("10.1.2.3", "Mostrador-Caja/1.0");

        JsonNode r = counter.post(BASE + "/redemptions", Map.of("customer_id", customer, "offer_id", offer)).json();
        String id = r.get("redemption_id").asText();
        String code = r.get("redemption_code").asText();
        assertEquals(200, pos.get(BASE + "/merchant/redemptions/" + code).status());
        assertEquals(200, pos.post(BASE + "/redemptions/" + code + "/confirm", Map.of()).status());

        eventually(() -> assertEquals(3, p.vendedor.get(BASE + "/redemptions/" + id).json().get("audit").size()));
        JsonNode audit = p.vendedor.get(BASE + "/redemptions/" + id).json().get("audit");
        for (JsonNode entry : audit) assertEquals(AUDIT_FIELDS, fields(entry), "snake_case keys");
        assertEquals(json("{'action':'created','actor_type':'user','actor_id':'" + p.tenant.oficina() + "','ip_address':'10.1.2.3',"
                + "'user_agent':'Mostrador-Caja/1.0','metadata':{'channel':'api','from':null,'to':'pending','lumis':120}}"), withoutTime(audit.get(0)));
        assertEquals(json("{'action':'validated','actor_type':'merchant','actor_id':'" + merchantId + "','ip_address':'192.168.7.20',"
                + "'user_agent':'CajaRegistradora/3.1','metadata':{'channel':'api','verdict':'pending'}}"), withoutTime(audit.get(1)));
        assertEquals(json("{'action':'confirmed','actor_type':'merchant','actor_id':'" + merchantId + "','ip_address':'192.168.7.20',"
                + "'user_agent':'CajaRegistradora/3.1','metadata':{'channel':'api','from':'pending','to':'confirmed','lumis':120}}"), withoutTime(audit.get(2)));
        OffsetDateTime previous = null;
        for (JsonNode entry : audit) {
            OffsetDateTime at = OffsetDateTime.parse(entry.get("created_at").asText());
            assertTrue(previous == null || !at.isBefore(previous), "in order");
            assertTrue(Duration.between(at, OffsetDateTime.now()).abs().toMinutes() < 5, "recent: " + at);
            previous = at;
        }

        JsonNode second = p.vendedor.from("10.9.9.9", "Vendedor-App/5").post(BASE + "/redemptions", Map.of("customer_id", customer, "offer_id", offer)).json();
        p.admin.from("10.4.4.4", "Admin-Console/1").post(BASE + "/redemptions/" + second.get("redemption_id").asText() + "/cancel", Map.of());
        JsonNode trail = p.admin.get(BASE + "/redemptions/" + second.get("redemption_id").asText()).json().get("audit");
        assertEquals(2, trail.size(), trail.toString());
        assertEquals(json("{'action':'created','actor_type':'user','actor_id':'" + p.tenant.vendedor() + "','ip_address':'10.9.9.9',"
                + "'user_agent':'Vendedor-App/5','metadata':{'channel':'api','from':null,'to':'pending','lumis':120}}"), withoutTime(trail.get(0)));
        assertEquals(json("{'action':'cancelled','actor_type':'user','actor_id':'" + p.tenant.admin() + "','ip_address':'10.4.4.4',"
                + "'user_agent':'Admin-Console/1','metadata':{'channel':'api','from':'pending','to':'cancelled','lumis':120}}"), withoutTime(trail.get(1)));
    }
}
