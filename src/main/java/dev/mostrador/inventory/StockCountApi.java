package dev.mostrador.inventory;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Idempotency;
import dev.mostrador.platform.web.IdempotentApi;
import dev.mostrador.platform.web.JsonInput;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Physical counts over /api/inventario/conteos: start one, enter counted units per product, then
 * apply it ({@code "confirmar": true} once the products that moved since were seen) or discard it.
 */
public final class StockCountApi {
    private static final Messages EN = Messages.of("en");
    private final DSLContext dsl;
    private final IdempotentApi api;
    private final StockCounts counts;

    public StockCountApi(DSLContext dsl, IdempotentApi api, StockCounts counts) {
        this.dsl = dsl;
        this.api = api;
        this.counts = counts;
    }

    public void register(Routes routes) {
        String base = "/api/inventario/conteos";
        routes.get(base, ctx -> Web.json(ctx, HttpStatus.OK, counts.recent(dsl, Web.user(ctx).tenantId(), 100).stream()
                        .map(c -> StockJson.conteo(c, null)).toList()), Role.STAFF)
                .post(base, this::start, InventoryApi.WRITERS)
                .get(base + "/{id}", ctx -> {
                    Conteo c = load(ctx);
                    Web.json(ctx, HttpStatus.OK, StockJson.conteo(c, counts.lines(dsl, Web.user(ctx).tenantId(), c.id())));
                }, Role.STAFF)
                .post(base + "/{id}/lineas", this::enter, InventoryApi.WRITERS)
                .post(base + "/{id}/aplicar", this::apply, InventoryApi.WRITERS)
                .post(base + "/{id}/descartar", this::discard, InventoryApi.WRITERS);
    }

    private void start(Context ctx) {
        CurrentUser me = Web.user(ctx);
        JsonInput json = JsonInput.read(ctx);
        if (json == null) return;
        String nota = json.text("nota");
        String error = StockOperations.noteError(nota, false, EN);
        if (error != null) json.error("nota", error);
        if (!json.errors().isEmpty()) {
            Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", json.errors());
            return;
        }
        api.idempotent(ctx, me.tenantId(), tx -> {
            long id = counts.start(tx, me.tenantId(), me.userId(), nota);
            return IdempotentApi.response(201, StockJson.conteo(counts.find(tx, me.tenantId(), id).orElseThrow(), List.of()));
        });
    }

    private void enter(Context ctx) {
        CurrentUser me = Web.user(ctx);
        long id = load(ctx).id();
        JsonInput json = JsonInput.read(ctx);
        if (json == null) return;
        Long productoId = json.longValue("producto_id");
        Integer contado = json.integer("contado");
        FieldErrors errors = new FieldErrors();
        if (productoId == null && !json.errors().containsKey("producto_id")) errors.add("producto_id", EN.t("validation.required", "producto_id"));
        if (contado == null && !json.errors().containsKey("contado")) errors.add("contado", EN.t("validation.required", "contado"));
        if (contado != null) {
            String e = StockUnits.check(contado, false, 0, EN, "contado");
            if (e != null) errors.add("contado", e);
        }
        json.errors().forEach(errors::set);
        if (!errors.isEmpty()) {
            Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", errors.all());
            return;
        }
        run(ctx, me, tx -> IdempotentApi.response(200, StockJson.linea(counts.enter(tx, me.tenantId(), id, productoId, contado, EN))));
    }

    private void apply(Context ctx) {
        CurrentUser me = Web.user(ctx);
        long id = load(ctx).id();
        JsonInput json = ctx.body().isBlank() ? JsonInput.of(JsonInput.MAPPER.createObjectNode()) : JsonInput.read(ctx);
        if (json == null) return;
        Boolean confirmar = json.bool("confirmar");
        if (!json.errors().isEmpty()) {
            Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", json.errors());
            return;
        }
        run(ctx, me, tx -> {
            List<ConteoLinea> lines = counts.apply(tx, me.tenantId(), me.userId(), id, Boolean.TRUE.equals(confirmar), EN);
            return IdempotentApi.response(200, StockJson.conteo(counts.find(tx, me.tenantId(), id).orElseThrow(), lines));
        });
    }

    private void discard(Context ctx) {
        CurrentUser me = Web.user(ctx);
        long id = load(ctx).id();
        run(ctx, me, tx -> {
            counts.discard(tx, me.tenantId(), me.userId(), id, EN);
            return IdempotentApi.response(200, Map.of("id", id, "estado", "descartado"));
        });
    }

    /** Once per Idempotency-Key; a refusal is an answer too (stored, nothing changed). */
    private void run(Context ctx, CurrentUser me, Function<DSLContext, Idempotency.Response> operation) {
        api.idempotent(ctx, me.tenantId(), tx -> {
            try {
                return operation.apply(tx);
            } catch (StockRefused e) {
                return StockJson.refused(e);
            }
        });
    }

    private Conteo load(Context ctx) {
        return counts.find(dsl, Web.user(ctx).tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }
}
