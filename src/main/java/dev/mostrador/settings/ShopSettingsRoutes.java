package dev.mostrador.settings;

import dev.mostrador.platform.web.Format;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.tenants.Tenant;
import dev.mostrador.platform.tenants.TenantCache;
import dev.mostrador.platform.tenants.TenantRepository;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * "Ajustes de la tienda" (/ajustes), admins only: the tenant's name, zone, currency, locale and
 * public colours in one form, the logo in another (a file upload). Every save drops the tenant
 * from the public pages' cache.
 */
public final class ShopSettingsRoutes {
    private final Web web;
    private final Templates templates;
    private final TenantRepository tenants;
    private final TenantCache cache;

    public ShopSettingsRoutes(Web web, Templates templates, TenantRepository tenants, TenantCache cache) {
        this.web = web;
        this.templates = templates;
        this.tenants = tenants;
        this.cache = cache;
    }

    public void register(Routes routes) {
        routes.get("/ajustes", ctx -> show(ctx, ShopSettingsForm.of(tenant(ctx), tenants.reservaTtlMinutos(tenant(ctx).id()), tenants.lumisPorMonto(tenant(ctx).id())), FieldErrors.none(), HttpStatus.OK), Role.ADMIN)
                .post("/ajustes", this::save, Role.ADMIN)
                .post("/ajustes/logo", this::uploadLogo, Role.ADMIN)
                .post("/ajustes/logo/quitar", this::removeLogo, Role.ADMIN);
    }

    private void save(Context ctx) {
        Tenant tenant = tenant(ctx);
        Messages m = Web.messages(ctx);
        ShopSettingsForm form = ShopSettingsForm.from(ctx, tenants.reservaTtlMinutos(tenant.id()),
                new Format(tenant).amount(tenants.lumisPorMonto(tenant.id())));
        FieldErrors errors = form.validate(m, tenant);
        if (!errors.isEmpty()) {
            show(ctx, form, errors, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        if (!tenants.updateSettings(tenant.id(), form.toSettings(tenant))) throw new NotFoundResponse();
        cache.invalidate(tenant);
        // The flash is read after the redirect, in the language just chosen.
        Messages after = Messages.of(form.locale().substring(0, 2));
        String text = form.currency().equals(tenant.currency()) ? after.t("settings.saved")
                : after.t("settings.saved_currency", form.currency());
        web.redirectWithFlash(ctx, "/ajustes", text);
    }

    private void uploadLogo(Context ctx) {
        Tenant tenant = tenant(ctx);
        Messages m = Web.messages(ctx);
        Optional<String> problem = Optional.empty();
        UploadedFile file = ctx.uploadedFile("logo");
        byte[] bytes = file == null ? new byte[0] : read(file);
        Optional<String> type = LogoImage.contentType(bytes);
        if (bytes.length == 0) problem = Optional.of(m.t("settings.logo_required"));
        else if (bytes.length > LogoImage.MAX_BYTES) problem = Optional.of(m.t("settings.logo_too_big", LogoImage.MAX_BYTES / 1024));
        else if (type.isEmpty()) problem = Optional.of(m.t("settings.logo_type"));
        if (problem.isPresent()) {
            show(ctx, ShopSettingsForm.of(tenant, tenants.reservaTtlMinutos(tenant.id()), tenants.lumisPorMonto(tenant.id())), new FieldErrors().add("logo", problem.get()), HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        tenants.saveLogo(tenant.id(), type.get(), bytes);
        cache.invalidate(tenant);
        web.redirectWithFlash(ctx, "/ajustes", m.t("settings.logo_saved"));
    }

    private void removeLogo(Context ctx) {
        Tenant tenant = tenant(ctx);
        tenants.deleteLogo(tenant.id());
        cache.invalidate(tenant);
        web.redirectWithFlash(ctx, "/ajustes", Web.messages(ctx).t("settings.logo_removed"));
    }

    /** At most one byte past the limit: enough to know it is too big without holding a huge upload. */
    private static byte[] read(UploadedFile file) {
        try (InputStream in = file.content()) {
            return in.readNBytes(LogoImage.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Tenant tenant(Context ctx) {
        CurrentUser me = Web.user(ctx);
        return me.tenant();
    }

    private void show(Context ctx, ShopSettingsForm form, FieldErrors errors, HttpStatus status) {
        ctx.header("Cache-Control", "no-store");
        web.render(ctx, status, templates.settingsForm(web.page(ctx), tenant(ctx), form, errors));
    }
}
