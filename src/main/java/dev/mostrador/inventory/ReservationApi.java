package dev.mostrador.inventory;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.IdempotentApi;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** GET /api/reservas (filters and limit/offset paging) and POST /api/reservas/{id}/liberar (admin and oficina). */
public final class ReservationApi {
    public static final Role[] WRITERS = {Role.ADMIN, Role.OFICINA};
    private final ReservationQuery query;
    private final Reservations reservations;
    private final IdempotentApi api;

    public ReservationApi(ReservationQuery query, Reservations reservations, IdempotentApi api) {
        this.query = query;
        this.reservations = reservations;
        this.api = api;
    }

    public void register(Routes routes) {
        routes.get("/api/reservas", this::list, Role.STAFF)
                .post("/api/reservas/{id}/liberar", this::release, WRITERS);
    }

    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Map<String, String> errors = new LinkedHashMap<>();
        ReservationQuery.Filter filter = ReservationFilters.parse(ctx, errors);
        int limit = ReservationFilters.number(ctx, "limit", 1, 500, 100, errors);
        int offset = ReservationFilters.number(ctx, "offset", 0, Integer.MAX_VALUE, 0, errors);
        if (!errors.isEmpty()) {
            Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", errors);
            return;
        }
        ctx.header("X-Total-Count", String.valueOf(query.count(me.tenantId(), filter)));
        Web.json(ctx, HttpStatus.OK, query.list(me.tenantId(), filter, limit, offset).stream().map(ReservationApi::json).toList());
    }

    private void release(Context ctx) {
        CurrentUser me = Web.user(ctx);
        long id = PathParams.id(ctx, "id");
        api.idempotent(ctx, me.tenantId(), tx -> {
            try {
                Optional<Reserva> released = reservations.release(tx, me.tenantId(), id, me.userId());
                if (released.isEmpty()) return IdempotentApi.error(404, "not_found", Map.of("id", "no reservation " + id));
                return IdempotentApi.response(200, json(released.get()));
            } catch (Reservations.NotPending e) {
                return IdempotentApi.response(409, Map.of("error", "not_pending", "estado", e.reserva.estado(),
                        "message", "the reservation is " + e.reserva.estado() + ", only a pending one can be released"));
            }
        });
    }

    static Map<String, Object> json(Reserva r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("product_id", r.productoId());
        m.put("sku", r.sku());
        m.put("producto", r.producto());
        m.put("cantidad", r.cantidad());
        m.put("estado", r.estado());
        m.put("expires_at", r.expiresAt().toInstant().toString());
        m.put("created_at", r.createdAt().toInstant().toString());
        m.put("closed_at", r.closedAt() == null ? null : r.closedAt().toInstant().toString());
        m.put("carrito_id", r.carritoId());
        m.put("seconds_left", r.pendiente() ? Math.max(0, java.time.Duration.between(OffsetDateTime.now(), r.expiresAt()).toSeconds()) : null);
        return m;
    }

    static List<Map<String, Object>> json(List<Reserva> all) {
        return all.stream().map(ReservationApi::json).toList();
    }
}
