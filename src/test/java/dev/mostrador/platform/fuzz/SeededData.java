package dev.mostrador.platform.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.support.Api;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.RewardsData;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two of everything, made through the API as a client would, so every list has rows and every
 * lookup a real id; and from it, a valid value for any field by its name.
 */
final class SeededData {
    private static final AtomicInteger SEQ = new AtomicInteger();
    /** Valid values of id-like fields, from the seeded data. */
    private final Map<String, Object> seeded = new LinkedHashMap<>();
    private final String tenantSlug;

    private SeededData(String tenantSlug) {
        this.tenantSlug = tenantSlug;
    }

    /** Seeds the tenant; the ids in the answers go to the findings as candidates for path placeholders. */
    static SeededData seed(Fixtures.TestTenant tenant, RouteFindings findings) {
        SeededData data = new SeededData(tenant.tenant().slug());
        RewardsData rewards = RewardsData.of(tenant);
        Api admin = rewards.admin;
        List<Long> productos = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            Api.Response p = admin.post("/api/productos", Map.of("sku", "FUZZ-" + i, "nombre", "Producto " + i, "precio", 1000 * i));
            findings.harvestJson(p.raw().body());
            productos.add(p.json().get("id").asLong());
        }
        data.seeded.put("producto_id", productos.get(0));
        for (int i = 1; i <= 2; i++) {
            Map<String, Object> oferta = new LinkedHashMap<>();
            oferta.put("titulo", "Oferta fuzz " + i);
            oferta.put("desde", LocalDate.now().minusDays(1) + "T00:00:00");
            oferta.put("hasta", LocalDate.now().plusDays(30) + "T23:59:59");
            oferta.put("tipo", "porcentaje");
            oferta.put("descuento_porcentaje", 10);
            oferta.put("productos", productos);
            findings.harvestJson(admin.post("/api/ofertas", oferta).raw().body());
        }
        for (int i = 1; i <= 2; i++) {
            JsonNode merchant = rewards.merchant("Comercio semilla " + i, null);
            findings.harvestJson(merchant.toString());
            String merchantId = merchant.get("merchant_id").asText();
            String offerId = rewards.offerAt("Café gratis " + i, merchantId, 10);
            findings.addId(offerId);
            long customer = rewards.customer("Cliente Fuzz " + i, "cliente-fuzz-" + i + "@example.com", 500);
            findings.addId(String.valueOf(customer));
            JsonNode redemption = rewards.redeem(rewards.admin, customer, offerId);
            findings.harvestJson(redemption.toString());
            if (i == 1) {
                data.seeded.put("api_key", merchant.get("api_key").asText());
                data.seeded.put("merchant_id", merchantId);
                data.seeded.put("offer_id", offerId);
                data.seeded.put("customer_id", customer);
                data.seeded.put("code", redemption.get("redemption_code").asText());
            }
        }
        findings.harvestJson(admin.get("/api/me").raw().body());
        return data;
    }

    /** The API key of the merchant whose offer the seeded redemption code is for. */
    String merchantKey() {
        return (String) seeded.get("api_key");
    }

    /** A valid value for a field, by its name (unique where it must be), as a JSON client would send it; null: leave it out. */
    Object sample(String field) {
        int n = SEQ.incrementAndGet();
        LocalDate today = LocalDate.now();
        return switch (field) {
            case "email", "contact_email" -> "fuzz" + n + "@example.com";
            case "password" -> "fuzz-password-" + n;
            case "sku" -> "FZ" + n;
            case "phone", "contact_phone" -> "+56912345678";
            case "webhook_url" -> "https://example.com/hook";
            case "precio" -> 1000;
            case "amount", "cantidad", "lumis_cost", "regalo_cantidad" -> 1;
            case "stock_quantity" -> 10;
            case "code_lifetime_hours" -> 24;
            case "compra_cantidad" -> 3;
            case "paga_cantidad" -> 2;
            case "descuento_porcentaje" -> 10;
            case "desde", "valid_from" -> today + "T00:00";
            case "hasta", "valid_to" -> today.plusDays(30) + "T23:59";
            case "tipo" -> "porcentaje";
            case "activa", "activo", "active", "is_active" -> true;
            case "customer_id", "offer_id", "merchant_id", "producto_id", "code" -> seeded.get(field);
            case "id", "regalo_producto_id" -> seeded.get("producto_id");
            case "productos" -> List.of(seeded.get("producto_id"));
            case "lineas" -> List.of(Map.of("producto_id", seeded.get("producto_id"), "cantidad", 1));
            case "reglas" -> List.of();
            case "role" -> "vendedor";
            case "direction" -> "credit";
            case "tenant" -> tenantSlug;
            default -> "Fuzz " + n;
        };
    }

    /** The valid value as a form field carries it; blank for a list. */
    String sampleText(String field) {
        Object v = sample(field);
        return v == null || v instanceof List ? "" : String.valueOf(v);
    }

    /** Whether a field holds a JSON array: it gets the bad arrays too. */
    boolean holdsArray(String field) {
        return sample(field) instanceof List;
    }
}
