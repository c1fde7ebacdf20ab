package dev.mostrador.inventory;

import io.javalin.http.Context;

import java.util.Map;

/** The reservations list's query parameters, shared by the API and the page: each bad one is named in {@code errors}. */
final class ReservationFilters {
    private ReservationFilters() {}

    static ReservationQuery.Filter parse(Context ctx, Map<String, String> errors) {
        String estado = blankToNull(ctx.queryParam("estado"));
        if (estado != null && !ReservationQuery.ESTADOS.contains(estado)) {
            errors.put("estado", "must be one of pendiente, confirmada, liberada, expirada");
            estado = null;
        }
        Long product = ctx.queryParam("product_id") == null || ctx.queryParam("product_id").isBlank() ? null
                : (long) number(ctx, "product_id", 1, Integer.MAX_VALUE, 0, errors);
        Integer within = ctx.queryParam("expiring_within") == null || ctx.queryParam("expiring_within").isBlank() ? null
                : number(ctx, "expiring_within", 1, ReservationQuery.MAX_EXPIRING_WITHIN, 0, errors);
        Long carrito = ctx.queryParam("carrito") == null || ctx.queryParam("carrito").isBlank() ? null
                : (long) number(ctx, "carrito", 1, Integer.MAX_VALUE, 0, errors);
        return new ReservationQuery.Filter(estado, product, within, carrito);
    }

    /** A whole number in [min, max], {@code fallback} when absent; a bad one is named and the fallback used. */
    static int number(Context ctx, String name, int min, int max, int fallback, Map<String, String> errors) {
        String raw = blankToNull(ctx.queryParam(name));
        if (raw == null) return fallback;
        try {
            int n = Integer.parseInt(raw.trim());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // named below
        }
        errors.put(name, "must be a whole number from " + min + " to " + max);
        return fallback;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
