package dev.mostrador.orders;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.IdempotentApi;
import dev.mostrador.platform.web.JsonInput;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/** /api/repartidores: the JSON twin of the repartidores' pages (bearer token, Idempotency-Key on POST). */
public final class RepartidorApi {
    private static final Messages EN = Messages.of("en");
    private static final String BASE = "/api/repartidores";
    private final RepartidorRepository repartidores;
    private final IdempotentApi api;

    RepartidorApi(RepartidorRepository repartidores, IdempotentApi api) {
        this.repartidores = repartidores;
        this.api = api;
    }

    public void register(Routes routes) {
        routes.get(BASE, this::list, Role.STAFF)
                .post(BASE, this::create, RepartidorRoutes.WRITERS)
                .get(BASE + "/{id}", ctx -> Web.json(ctx, HttpStatus.OK, json(load(ctx))), Role.STAFF)
                .put(BASE + "/{id}", this::update, RepartidorRoutes.WRITERS);
    }

    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        String q = ctx.queryParam("q");
        String activoParam = ctx.queryParam("activo");
        Boolean activo = activoParam == null || activoParam.isEmpty() ? null : Boolean.valueOf("true".equals(activoParam));
        ctx.header("X-Total-Count", String.valueOf(repartidores.count(me.tenantId(), q, activo)));
        Web.json(ctx, HttpStatus.OK, repartidores.search(me.tenantId(), q, activo, RepartidorRepository.DEFAULT_SORT, 500, 0)
                .stream().map(RepartidorApi::json).toList());
    }

    private void create(Context ctx) {
        CurrentUser me = Web.user(ctx);
        JsonInput json = JsonInput.read(ctx);
        if (json == null) return;
        api.idempotent(ctx, me.tenantId(), tx -> {
            RepartidorInput input = RepartidorInput.fromJson(json);
            FieldErrors errors = input.validate(EN);
            json.errors().forEach(errors::set);
            if (!errors.isEmpty()) return IdempotentApi.error(422, "validation_failed", errors.all());
            RepartidorRepository inTx = new RepartidorRepository(tx);
            long id = inTx.create(me.tenantId(), input);
            return IdempotentApi.response(201, json(inTx.find(me.tenantId(), id).orElseThrow()));
        });
    }

    private void update(Context ctx) {
        CurrentUser me = Web.user(ctx);
        long id = load(ctx).id();
        JsonInput json = JsonInput.read(ctx);
        if (json == null) return;
        RepartidorInput input = RepartidorInput.fromJson(json);
        FieldErrors errors = input.validate(EN);
        json.errors().forEach(errors::set);
        if (!errors.isEmpty()) {
            Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", errors.all());
            return;
        }
        repartidores.update(me.tenantId(), id, input);
        Web.json(ctx, HttpStatus.OK, json(repartidores.find(me.tenantId(), id).orElseThrow()));
    }

    private Repartidor load(Context ctx) {
        return repartidores.find(Web.user(ctx).tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    static Map<String, Object> json(Repartidor r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("nombre", r.nombre());
        m.put("telefono", r.telefono());
        m.put("activo", r.activo());
        m.put("created_at", r.createdAt());
        return m;
    }
}
