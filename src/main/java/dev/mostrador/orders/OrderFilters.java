package dev.mostrador.orders;

import dev.mostrador.platform.web.QueryParams;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The list's filters as typed in the query string; a malformed value is ignored like on the other lists. */
public record OrderFilters(String estado, String from, String to, String customerId, String repartidorId, String userId, String q) {
    static final List<String> ESTADOS = List.of(Pedido.CONFIRMADO, Pedido.EN_REPARTO, Pedido.ENTREGADO, Pedido.CANCELADO, Pedido.DEVUELTO);
    static final String[] NAMES = {"estado", "from", "to", "customer_id", "repartidor_id", "user_id", "q"};

    static OrderFilters of(Context ctx) {
        String estado = query(ctx, "estado");
        return new OrderFilters(ESTADOS.contains(estado) ? estado : "", query(ctx, "from"), query(ctx, "to"), query(ctx, "customer_id"),
                query(ctx, "repartidor_id"), query(ctx, "user_id"), query(ctx, "q"));
    }

    public boolean any() {
        return !String.join("", estado, from, to, customerId, repartidorId, userId, q).isEmpty();
    }

    OrderQuery.Filter toFilter(ZoneId zone) {
        LocalDate fromDay = date(from), toDay = date(to);
        return new OrderQuery.Filter(estado.isEmpty() ? null : estado, fromDay == null ? null : fromDay.atStartOfDay(zone).toOffsetDateTime(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), id(customerId), id(repartidorId), id(userId),
                q.isEmpty() ? null : q.length() > 200 ? q.substring(0, 200) : q);
    }

    private static String query(Context ctx, String name) {
        return QueryParams.text(ctx, name);
    }

    private static Long id(String text) {
        return QueryParams.positiveId(text);
    }

    private static LocalDate date(String text) {
        try {
            LocalDate d = text.isEmpty() ? null : LocalDate.parse(text);
            return d == null || d.getYear() < 1900 || d.getYear() > 9999 ? null : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
