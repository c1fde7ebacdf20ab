package dev.mostrador.orders;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.ListLinks;
import dev.mostrador.platform.web.ListSort;
import dev.mostrador.platform.web.Paging;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

/** Repartidores' pages: every staff member reads the list; admins and oficina add, edit and deactivate them. */
public final class RepartidorRoutes {
    static final String BASE = "/repartidores";
    static final Role[] WRITERS = {Role.ADMIN, Role.OFICINA};
    private static final int PAGE_SIZE = 25;

    private final Web web;
    private final Templates templates;
    private final RepartidorRepository repartidores;

    RepartidorRoutes(Web web, Templates templates, RepartidorRepository repartidores) {
        this.web = web;
        this.templates = templates;
        this.repartidores = repartidores;
    }

    public void register(Routes routes) {
        routes.get(BASE, this::list, Role.STAFF)
                .get(BASE + "/new", ctx -> form(ctx, null, RepartidorInput.blank(), FieldErrors.none(), HttpStatus.OK), WRITERS)
                .post(BASE, this::create, WRITERS)
                .get(BASE + "/{id}/edit", ctx -> form(ctx, load(ctx).id(), RepartidorInput.of(load(ctx)), FieldErrors.none(), HttpStatus.OK), WRITERS)
                .post(BASE + "/{id}", this::update, WRITERS);
    }

    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").trim();
        String estado = estado(ctx.queryParam("estado"));
        Boolean activo = "activos".equals(estado) ? Boolean.TRUE : "inactivos".equals(estado) ? Boolean.FALSE : null;
        ListSort sort = ListSort.of(ctx, RepartidorRepository.SORTS.keySet(), RepartidorRepository.DEFAULT_SORT);
        Paging paging = Paging.of(ctx.queryParam("page"), PAGE_SIZE, repartidores.count(me.tenantId(), q, activo));
        web.render(ctx, templates.repartidoresList(web.page(ctx), repartidores.search(me.tenantId(), q, activo, sort, PAGE_SIZE, paging.offset()),
                q, estado, paging, ListLinks.of(ctx, BASE, sort, "q", "estado")));
    }

    /** The active filter: active drivers unless asked for the inactive ones or all. */
    private static String estado(String given) {
        return "inactivos".equals(given) || "todos".equals(given) ? given : "activos";
    }

    private void create(Context ctx) {
        RepartidorInput input = RepartidorInput.fromForm(ctx);
        FieldErrors errors = input.validate(Web.messages(ctx));
        if (!errors.isEmpty()) {
            form(ctx, null, input, errors, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        repartidores.create(Web.user(ctx).tenantId(), input);
        web.redirectWithFlash(ctx, BASE, Web.messages(ctx).t("rep.created", input.nombre()));
    }

    private void update(Context ctx) {
        long id = load(ctx).id();
        RepartidorInput input = RepartidorInput.fromForm(ctx);
        FieldErrors errors = input.validate(Web.messages(ctx));
        if (!errors.isEmpty()) {
            form(ctx, id, input, errors, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        repartidores.update(Web.user(ctx).tenantId(), id, input);
        web.redirectWithFlash(ctx, BASE, Web.messages(ctx).t("rep.updated", input.nombre()));
    }

    private Repartidor load(Context ctx) {
        return repartidores.find(Web.user(ctx).tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private void form(Context ctx, Long id, RepartidorInput input, FieldErrors errors, HttpStatus status) {
        web.render(ctx, status, templates.repartidoresForm(web.page(ctx), id, input, errors));
    }
}
