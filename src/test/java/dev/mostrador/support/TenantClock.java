package dev.mostrador.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as a tenant's pages show them, and the rate limits' minute. */
public final class TenantClock {
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private TenantClock() {}

    /** An instant of a JSON answer, formatted in the tenant's zone. */
    public static String local(JsonNode instant, RewardsData d, DateTimeFormatter f) {
        ZoneId zone = d.tenant.tenant().zone();
        return OffsetDateTime.parse(instant.asText()).atZoneSameInstant(zone).format(f);
    }

    /** Keeps a burst of requests inside one rate-limit minute. */
    public static void freshMinute() throws InterruptedException {
        long into = System.currentTimeMillis() % 60_000;
        if (into > 50_000) Thread.sleep(60_000 - into + 200);
    }
}
