package dev.mostrador.inventory;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Format;
import dev.mostrador.platform.web.IdempotentApi;
import dev.mostrador.platform.web.JsonInput;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.QueryParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import org.jooq.DSLContext;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;

/** Stock entries, adjustments and movements over /api/inventario (bearer token, Idempotency-Key on writes). */
public final class InventoryApi {
    static final Role[] WRITERS = {Role.ADMIN, Role.OFICINA};
    private static final Messages EN = Messages.of("en");
    private final DSLContext dsl;
    private final IdempotentApi api;
    private final StockOperations operations;
    private final StockMovements movements;

    public InventoryApi(DSLContext dsl, IdempotentApi api, StockOperations operations, StockMovements movements) {
        this.dsl = dsl;
        this.api = api;
        this.operations = operations;
        this.movements = movements;
    }

    public void register(Routes routes) {
        routes.post("/api/inventario/entradas", ctx -> move(ctx, false), WRITERS)
                .post("/api/inventario/ajustes", ctx -> move(ctx, true), WRITERS)
                .get("/api/inventario/productos/{id}", this::stock, Role.STAFF)
                .get("/api/inventario/productos/{id}/movimientos", this::productMovements, Role.STAFF)
                .get("/api/inventario/movimientos", this::allMovements, Role.STAFF);
    }

    /** An entrada (1 to 1,000,000 units) or an ajuste (signed, with a required note). */
    private void move(Context ctx, boolean ajuste) {
        CurrentUser me = Web.user(ctx);
        JsonInput json = JsonInput.read(ctx);
        if (json == null) return;
        Long productoId = json.longValue("producto_id");
        Integer cantidad = json.integer("cantidad");
        String nota = json.text("nota");
        FieldErrors errors = new FieldErrors();
        if (productoId == null && !json.errors().containsKey("producto_id")) errors.add("producto_id", EN.t("validation.required", "producto_id"));
        if (cantidad == null && !json.errors().containsKey("cantidad")) errors.add("cantidad", EN.t("validation.required", "cantidad"));
        if (cantidad != null) {
            String e = StockUnits.check(cantidad, ajuste, 1, EN, "cantidad");
            if (e != null) errors.add("cantidad", e);
        }
        String notaError = StockOperations.noteError(nota, ajuste, EN);
        if (notaError != null) errors.add("nota", notaError);
        json.errors().forEach(errors::set);
        if (!errors.isEmpty()) {
            Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", errors.all());
            return;
        }
        api.idempotent(ctx, me.tenantId(), tx -> {
            try {
                Stock after = ajuste ? operations.ajuste(tx, me.tenantId(), me.userId(), productoId, cantidad, nota, EN)
                        : operations.entrada(tx, me.tenantId(), me.userId(), productoId, cantidad, nota, EN);
                return IdempotentApi.response(201, StockJson.stock(after));
            } catch (StockRefused e) {
                return StockJson.refused(e);
            }
        });
    }

    private void stock(Context ctx) {
        Stock s = operations.byId(dsl, Web.user(ctx).tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
        Web.json(ctx, HttpStatus.OK, StockJson.stock(s));
    }

    private void productMovements(Context ctx) {
        CurrentUser me = Web.user(ctx);
        long id = operations.byId(dsl, me.tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new).productoId();
        Web.json(ctx, HttpStatus.OK, StockJson.page(movements.page(dsl, me.tenantId(), StockMovements.Filter.of(id),
                StockJson.longParam(ctx, "before"), limit(ctx))));
    }

    private void allMovements(Context ctx) {
        CurrentUser me = Web.user(ctx);
        String motivo = ctx.queryParam("motivo");
        if (motivo != null && !motivo.isBlank() && Arrays.stream(StockMotivo.values()).noneMatch(v -> v.code().equals(motivo))) {
            Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", Map.of("motivo", "must be one of "
                    + Arrays.stream(StockMotivo.values()).map(StockMotivo::code).toList()));
            return;
        }
        StockMovements.Filter filter = new StockMovements.Filter(StockJson.longParam(ctx, "producto_id"),
                motivo == null || motivo.isBlank() ? null : StockMotivo.of(motivo),
                start(QueryParams.date(ctx, "desde"), me), start(plusDay(QueryParams.date(ctx, "hasta")), me));
        Web.json(ctx, HttpStatus.OK, StockJson.page(movements.page(dsl, me.tenantId(), filter, StockJson.longParam(ctx, "before"), limit(ctx))));
    }

    private static int limit(Context ctx) {
        return Math.min(200, Math.max(1, QueryParams.intOr(ctx, "limit", 50)));
    }

    static LocalDate plusDay(LocalDate day) {
        return day == null ? null : day.plusDays(1);
    }

    /** The start of a day in the tenant's zone. */
    static OffsetDateTime start(LocalDate day, CurrentUser me) {
        return day == null ? null : day.atStartOfDay(new Format(me.tenant()).zone()).toOffsetDateTime();
    }
}
