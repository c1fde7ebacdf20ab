package dev.mostrador.customers;

import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.util.UUID;

/**
 * The tenant's interests (/recompensas/clientes/intereses): admins and oficina add, rename and
 * delete them; deleting asks first on a page of its own, saying how many customers have it.
 */
public final class InterestRoutes {
    static final String BASE = "/recompensas/intereses";
    private final Web web;
    private final Templates templates;
    private final InterestRepository interests;

    public InterestRoutes(Web web, Templates templates, InterestRepository interests) {
        this.web = web;
        this.templates = templates;
        this.interests = interests;
    }

    public void register(Routes routes) {
        routes.get(BASE, ctx -> list(ctx, "", null, FieldErrors.none(), HttpStatus.OK), CustomerRoutes.WRITERS)
                .post(BASE, this::create, CustomerRoutes.WRITERS)
                .post(BASE + "/{id}", this::rename, CustomerRoutes.WRITERS)
                .get(BASE + "/{id}/delete", ctx -> web.render(ctx, templates.customersInterestDelete(web.page(ctx), load(ctx))), CustomerRoutes.WRITERS)
                .post(BASE + "/{id}/delete", this::delete, CustomerRoutes.WRITERS);
    }

    private void create(Context ctx) {
        UUID tenantId = Web.user(ctx).tenantId();
        Messages m = Web.messages(ctx);
        String name = CustomerInput.trim(ctx.formParam("nombre"));
        FieldErrors errors = validate(m, "nombre", name);
        if (errors.isEmpty() && interests.create(tenantId, name).isEmpty()) errors.add("nombre", m.t("crm.interests.taken"));
        if (!errors.isEmpty()) {
            list(ctx, name, null, errors, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        web.redirectWithFlash(ctx, BASE, m.t("crm.interests.created", name));
    }

    private void rename(Context ctx) {
        UUID tenantId = Web.user(ctx).tenantId();
        Messages m = Web.messages(ctx);
        InterestRepository.Interest interest = load(ctx);
        String name = CustomerInput.trim(ctx.formParam("nombre"));
        String field = "nombre_" + interest.id();
        FieldErrors errors = validate(m, field, name);
        if (errors.isEmpty() && !interests.rename(tenantId, interest.id(), name)) errors.add(field, m.t("crm.interests.taken"));
        if (!errors.isEmpty()) {
            list(ctx, "", interest.id() + "=" + name, errors, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        web.redirectWithFlash(ctx, BASE, m.t("crm.interests.renamed", name));
    }

    private void delete(Context ctx) {
        InterestRepository.Interest interest = load(ctx);
        interests.delete(Web.user(ctx).tenantId(), interest.id());
        web.redirectWithFlash(ctx, BASE, Web.messages(ctx).t("crm.interests.deleted", interest.name()));
    }

    private static FieldErrors validate(Messages m, String field, String name) {
        FieldErrors e = new FieldErrors();
        if (name.isEmpty()) e.add(field, m.t("validation.required", m.t("crm.interests.name")));
        else if (name.length() > 80) e.add(field, m.t("validation.max_length", m.t("crm.interests.name"), 80));
        return e;
    }

    private InterestRepository.Interest load(Context ctx) {
        return interests.find(Web.user(ctx).tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    /** {@code renaming}: "id=name as typed" of a rename refused, so its field keeps what was typed. */
    private void list(Context ctx, String typed, String renaming, FieldErrors errors, HttpStatus status) {
        web.render(ctx, status, templates.customersInterests(web.page(ctx), interests.list(Web.user(ctx).tenantId()), typed, renaming, errors));
    }
}
