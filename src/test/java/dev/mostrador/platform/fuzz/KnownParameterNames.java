package dev.mostrador.platform.fuzz;

import java.util.List;
import java.util.stream.Collectors;

import static dev.mostrador.platform.fuzz.WireEncoding.quote;

/**
 * Query, form and JSON names the app reads, gathered by hand from src/main/java: a route gets them
 * all, so a name it reads is fuzzed even where no page or error message shows it.
 */
final class KnownParameterNames {
    /** grep -rhoE '(queryParams?\(|intOr\(ctx, |date\(ctx, |query\(ctx, |param\(ctx, )"[a-z_]+"' src/main/java | sort -u */
    static final List<String> QUERY_NAMES = List.of("activo", "all", "before", "cantidad", "date", "dir", "empieza_desde", "empieza_hasta",
            "estado", "from", "kind", "lang", "limit", "merchant", "next", "offer", "offset", "page", "q", "regalo_sku", "sin_precio", "sku",
            "sort", "status", "tenant", "termina_desde", "termina_hasta", "tipo", "to");

    /** grep -rhoE '(formParams?\(|form\(ctx, |f\(ctx, )"[a-z_]+"' src/main/java | sort -u — for a POST whose form no page shows. */
    static final List<String> FORM_NAMES = List.of("activa", "active", "activo", "amount", "api_key", "code",
            "code_lifetime_hours", "compra_cantidad", "contact_email", "contact_phone", "descripcion", "description",
            "descuento_porcentaje", "desde", "direction", "email", "hasta", "is_active", "lumis_cost", "merchant_id", "merchant_name",
            "merchant_type", "name", "name_friendly", "next", "nombre", "offer_category", "offer_id", "paga_cantidad", "password",
            "phone", "precio", "productos", "productos_skus", "reason", "regalo_cantidad", "regalo_producto_id", "reglas_cantidad",
            "reglas_precio", "role", "sku", "stock_quantity", "tipo", "titulo", "valid_from", "valid_to", "webhook_url");

    /**
     * grep -rhoE '(\.(text|decimal|integer|longValue|bool|has|hasNonNull|get)\(|(text|scalar|uuid)\((json|body), )"[a-z_]+"'
     * src/main/java | sort -u — JsonInput's readers, JsonNode.get, AuthRoutes' text(body, …).
     */
    static final List<String> JSON_FIELDS = List.of("activa", "activo", "amount", "cantidad", "code_lifetime_hours",
            "compra_cantidad", "contact_email", "contact_phone", "customer_id", "descripcion", "description", "descuento_porcentaje",
            "desde", "email", "hasta", "id", "is_active", "lineas", "lumis_cost", "merchant_id", "merchant_name", "merchant_type",
            "name", "name_friendly", "nombre", "offer_category", "offer_id", "paga_cantidad", "password", "phone", "precio",
            "producto_id", "productos", "reason", "regalo_cantidad", "regalo_producto_id", "reglas", "sku", "stock_quantity", "tipo",
            "titulo", "valid_from", "valid_to", "webhook_url");

    /** Fields of the objects inside JSON arrays (lineas[], reglas[], productos[]): l.get("producto_id"), rule.get("cantidad"), … */
    static final List<String> NESTED_FIELDS = List.of("cantidad", "id", "precio", "producto_id");

    private KnownParameterNames() {
    }

    /** The members of a JSON object ("a":v,"b":v) with every one of these names set to the same JSON text. */
    static String members(List<String> names, String jsonValue) {
        return names.stream().map(f -> quote(f) + ":" + jsonValue).collect(Collectors.joining(","));
    }

    /** A JSON object with every known JSON field set to the same JSON text. */
    static String everyJsonFieldAs(String jsonValue) {
        return "{" + members(JSON_FIELDS, jsonValue) + "}";
    }
}
