package dev.mostrador.promotions;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.tenants.Tenant;
import dev.mostrador.platform.tenants.TenantCache;
import dev.mostrador.platform.web.Format;
import dev.mostrador.platform.web.JsonInput;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.QueryParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Bodies;
import dev.mostrador.platform.web.Web;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.time.OffsetDateTime;
import java.util.Map;

/** Seed 000's JSON API (sections 1.3 and 3.1), with its access matrix. */
public final class OfertaApi {
    private static final Messages EN = Messages.of("en");
    private final OfertaRepository ofertas;
    private final OfertaService service;
    private final ActiveOfertaCache active;
    private final TenantCache tenants;

    public OfertaApi(OfertaRepository ofertas, OfertaService service, ActiveOfertaCache active, TenantCache tenants) {
        this.ofertas = ofertas;
        this.service = service;
        this.active = active;
        this.tenants = tenants;
    }

    public void register(Routes routes) {
        routes.get("/api/ofertas/activas", this::publicActive)
                .get("/api/ofertas", this::list, Role.STAFF)
                .post("/api/ofertas", ctx -> save(ctx, null), Role.ADMIN)
                .get("/api/ofertas/{id}", this::show, Role.STAFF)
                .put("/api/ofertas/{id}", ctx -> save(ctx, PathParams.id(ctx, "id")), Role.ADMIN)
                .delete("/api/ofertas/{id}", this::delete, Role.ADMIN);
    }

    /** Public: the tenant of ?tenant=slug, or the default tenant. Served from the cached JSON. */
    private void publicActive(Context ctx) {
        String slug = ctx.queryParam("tenant");
        Tenant tenant = (slug == null || slug.isBlank() ? tenants.byId(Tenant.DEFAULT_ID) : tenants.bySlug(slug))
                .orElseThrow(NotFoundResponse::new);
        send(ctx, active.now(tenant));
    }

    /** Admins see every oferta (paged with limit/offset); oficina and vendedor see the active ones. */
    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        if (!me.isAdmin()) {
            send(ctx, active.now(me.tenant()));
            return;
        }
        int limit = Math.min(1000, Math.max(1, QueryParams.intOr(ctx, "limit", 500)));
        int offset = Math.max(0, QueryParams.intOr(ctx, "offset", 0));
        OfertaRepository.Filter filter = new OfertaRepository.Filter(ctx.queryParam("q"), ctx.queryParam("tipo"), ctx.queryParam("estado"));
        OffsetDateTime now = OffsetDateTime.now();
        ctx.header("X-Total-Count", String.valueOf(ofertas.count(me.tenantId(), filter, now)));
        Web.json(ctx, HttpStatus.OK, OfertaJson.of(ofertas.search(me.tenantId(), filter, now, limit, offset), me.tenant().zone()));
    }

    private void show(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Oferta o = ofertas.find(me.tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
        if (!me.isAdmin() && !o.activaAhora(OffsetDateTime.now())) throw new NotFoundResponse();
        Web.json(ctx, HttpStatus.OK, OfertaJson.of(o, me.tenant().zone()));
    }

    private void save(Context ctx, Long id) {
        CurrentUser me = Web.user(ctx);
        if (id != null && ofertas.find(me.tenantId(), id).isEmpty()) throw new NotFoundResponse();
        JsonInput json = JsonInput.read(ctx);
        if (json == null) return;
        OfertaService.Result result = service.save(me.tenant(), id, OfertaInput.fromJson(json), EN, Format.forApi(me.tenant()));
        if (!result.ok()) {
            Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", result.errors().all());
            return;
        }
        // 200 and the stored oferta, as the seed's contract answers both for POST and PUT.
        Web.json(ctx, HttpStatus.OK, OfertaJson.of(ofertas.find(me.tenantId(), result.id()).orElseThrow(), me.tenant().zone()));
    }

    private void delete(Context ctx) {
        CurrentUser me = Web.user(ctx);
        long id = PathParams.id(ctx, "id");
        if (!service.delete(me.tenantId(), id)) throw new NotFoundResponse();
        Web.json(ctx, HttpStatus.OK, Map.of("id", id, "deleted", true));
    }

    /** The cached JSON, gzipped once in the cache when the client takes gzip (Javalin leaves it alone then). */
    private static void send(Context ctx, ActiveOfertaCache.View view) {
        ctx.header("Vary", "Accept-Encoding").contentType("application/json");
        if (Bodies.acceptsGzip(ctx.header("Accept-Encoding"))) {
            ctx.header("Content-Encoding", "gzip");
            Bodies.sendShared(ctx, view.jsonGzip());
        } else {
            Bodies.sendShared(ctx, view.json());
        }
    }
}
