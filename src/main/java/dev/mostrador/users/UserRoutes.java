package dev.mostrador.users;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.CsvExport;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.ListLinks;
import dev.mostrador.platform.web.ListSort;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Paging;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.util.List;

/** Admin pages to list, create, edit and deactivate the users of the own tenant. */
public final class UserRoutes {
    private static final int PAGE_SIZE = 25;

    private final Web web;
    private final Templates templates;
    private final UserRepository users;
    private final UserService service;

    public UserRoutes(Web web, Templates templates, UserRepository users, UserService service) {
        this.web = web;
        this.templates = templates;
        this.users = users;
        this.service = service;
    }

    public void register(Routes routes) {
        routes.get("/users", this::list, Role.ADMIN)
                .get("/users.csv", this::csv, Role.ADMIN)
                .get("/users/new", ctx -> showForm(ctx, null, UserForm.blank(), FieldErrors.none(), HttpStatus.OK), Role.ADMIN)
                .post("/users", this::create, Role.ADMIN)
                .get("/users/{id}/edit", this::edit, Role.ADMIN)
                .post("/users/{id}", this::update, Role.ADMIN)
                .get("/users/{id}/deactivate", this::confirmDeactivate, Role.ADMIN)
                .post("/users/{id}/deactivate", this::deactivate, Role.ADMIN);
    }

    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        String query = ctx.queryParam("q");
        ListSort sort = ListSort.of(ctx, UserRepository.SORTS.keySet(), ListSort.NONE);
        Paging paging = Paging.of(ctx.queryParam("page"), PAGE_SIZE, users.count(me.tenantId(), query));
        web.render(ctx, templates.usersList(web.page(ctx), users.search(me.tenantId(), query, sort, PAGE_SIZE, paging.offset()),
                query == null ? "" : query, paging, ListLinks.of(ctx, "/users", sort, "q")));
    }

    /** The list as filtered and sorted on screen, every row of it. */
    private void csv(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        ListSort sort = ListSort.of(ctx, UserRepository.SORTS.keySet(), ListSort.NONE);
        CsvExport.send(ctx, me.tenant(), "usuarios", List.of("id", m.t("users.name"), m.t("users.email"), m.t("users.role"),
                m.t("users.status"), m.t("users.last_login")), csv -> users.each(me.tenantId(), ctx.queryParam("q"), sort, u -> {
                    csv.number(u.id()).text(u.name()).text(u.email()).text(m.t("role." + u.role().code()))
                            .text(m.t(u.active() ? "status.active" : "status.inactive")).dateTime(u.lastLoginAt());
                    csv.endRow();
                }));
    }

    private void create(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        UserForm form = UserForm.from(ctx);
        FieldErrors errors = form.validate(m, true);
        if (errors.isEmpty()) {
            UserService.Result result = service.create(me.tenantId(), form);
            if (result instanceof UserService.Saved) {
                web.redirectWithFlash(ctx, "/users", m.t("users.created", form.name()));
                return;
            }
            errors.add("email", m.t("users.email_taken"));
        }
        showForm(ctx, null, form, errors, HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private void edit(Context ctx) {
        User user = load(ctx);
        showForm(ctx, user.id(), UserForm.of(user), FieldErrors.none(), HttpStatus.OK);
    }

    private void update(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        long id = load(ctx).id();
        UserForm form = UserForm.from(ctx);
        FieldErrors errors = form.validate(m, false);
        if (errors.isEmpty()) {
            UserService.Result result = service.update(me.tenantId(), id, form);
            if (result instanceof UserService.Saved) {
                web.redirectWithFlash(ctx, "/users", m.t("users.updated", form.name()));
                return;
            }
            if (result instanceof UserService.NotFound) throw new NotFoundResponse();
            if (result instanceof UserService.EmailTaken) errors.add("email", m.t("users.email_taken"));
            if (result instanceof UserService.LastAdmin) errors.add("role", m.t("users.last_admin"));
        }
        showForm(ctx, id, form, errors, HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private void confirmDeactivate(Context ctx) {
        web.render(ctx, templates.usersDeactivate(web.page(ctx), load(ctx)));
    }

    private void deactivate(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        User user = load(ctx);
        UserService.Result result = service.deactivate(me.tenantId(), user.id());
        if (result instanceof UserService.LastAdmin) {
            web.flashError(ctx, "/users/" + user.id() + "/edit", m.t("users.last_admin"));
            return;
        }
        web.redirectWithFlash(ctx, "/users", m.t("users.deactivated", user.name()));
    }

    private User load(Context ctx) {
        return users.find(Web.user(ctx).tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private void showForm(Context ctx, Long id, UserForm form, FieldErrors errors, HttpStatus status) {
        web.render(ctx, status, templates.usersForm(web.page(ctx), id, form, errors));
    }
}
