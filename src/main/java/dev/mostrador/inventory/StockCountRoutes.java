package dev.mostrador.inventory;

import dev.mostrador.platform.auth.CurrentUser;
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
import org.jooq.DSLContext;

import java.util.List;
import java.util.Optional;

/**
 * Physical count pages, made for a phone in the warehouse: one big SKU field and one big units
 * field, the lines counted below; then a review page that lists what moved since, and applies.
 */
public final class StockCountRoutes {
    private static final String BASE = "/inventario/conteos";
    private final DSLContext dsl;
    private final Web web;
    private final Templates templates;
    private final StockCounts counts;
    private final StockOperations operations;

    public StockCountRoutes(DSLContext dsl, Web web, Templates templates, StockCounts counts, StockOperations operations) {
        this.dsl = dsl;
        this.web = web;
        this.templates = templates;
        this.counts = counts;
        this.operations = operations;
    }

    public void register(Routes routes) {
        routes.get(BASE, ctx -> web.render(ctx, templates.inventoryCounts(web.page(ctx), counts.recent(dsl, Web.user(ctx).tenantId(), 100))),
                        Role.STAFF)
                .post(BASE, this::start, InventoryApi.WRITERS)
                .get(BASE + "/{id}", ctx -> show(ctx, load(ctx), "", "", FieldErrors.none(), HttpStatus.OK), Role.STAFF)
                .post(BASE + "/{id}/lineas", this::enter, InventoryApi.WRITERS)
                .get(BASE + "/{id}/aplicar", ctx -> review(ctx, load(ctx), null, HttpStatus.OK), InventoryApi.WRITERS)
                .post(BASE + "/{id}/aplicar", this::apply, InventoryApi.WRITERS)
                .get(BASE + "/{id}/descartar", ctx -> web.render(ctx, templates.inventoryCountDiscard(web.page(ctx), load(ctx))), InventoryApi.WRITERS)
                .post(BASE + "/{id}/descartar", this::discard, InventoryApi.WRITERS);
    }

    private void start(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        String nota = ctx.formParam("nota");
        String error = StockOperations.noteError(nota, false, m);
        if (error != null) {
            web.flashError(ctx, BASE, error);
            return;
        }
        long id = counts.start(dsl, me.tenantId(), me.userId(), nota);
        web.redirectWithFlash(ctx, BASE + "/" + id, m.t("st.conteo.started", id));
    }

    private void enter(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        Conteo conteo = load(ctx);
        String sku = Optional.ofNullable(ctx.formParam("sku")).orElse("").trim();
        String contado = Optional.ofNullable(ctx.formParam("contado")).orElse("").trim();
        FieldErrors errors = new FieldErrors();
        Optional<Stock> product = operations.bySku(dsl, me.tenantId(), sku);
        if (sku.isEmpty()) errors.add("sku", m.t("validation.required", "SKU"));
        else if (product.isEmpty()) errors.add("sku", m.t("st.product_sku_unknown", sku));
        StockUnits.Parsed units = StockUnits.parse(contado, false, 0, m, m.t("st.contado"));
        if (!units.ok()) errors.add("contado", units.error());
        if (errors.isEmpty()) {
            try {
                ConteoLinea line = counts.enter(dsl, me.tenantId(), conteo.id(), product.get().productoId(), units.value(), m);
                web.redirectWithFlash(ctx, BASE + "/" + conteo.id(), m.t("st.conteo.entered", line.sku(), line.contado()));
                return;
            } catch (StockRefused e) {
                errors.add("contado".equals(e.field()) ? "contado" : "sku", e.getMessage());
                show(ctx, counts.find(dsl, me.tenantId(), conteo.id()).orElseThrow(), sku, contado, errors, HttpStatus.forStatus(e.status()));
                return;
            }
        }
        show(ctx, conteo, sku, contado, errors, HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private void apply(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        Conteo conteo = load(ctx);
        try {
            counts.apply(dsl, me.tenantId(), me.userId(), conteo.id(), "1".equals(ctx.formParam("confirmar")), m);
            web.redirectWithFlash(ctx, BASE + "/" + conteo.id(), m.t("st.conteo.applied", conteo.id()));
        } catch (StockRefused e) {
            review(ctx, counts.find(dsl, me.tenantId(), conteo.id()).orElseThrow(), e, HttpStatus.forStatus(e.status()));
        }
    }

    private void discard(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        Conteo conteo = load(ctx);
        try {
            counts.discard(dsl, me.tenantId(), me.userId(), conteo.id(), m);
            web.redirectWithFlash(ctx, BASE + "/" + conteo.id(), m.t("st.conteo.discarded", conteo.id()));
        } catch (StockRefused e) {
            web.flashError(ctx, BASE + "/" + conteo.id(), e.getMessage());
        }
    }

    private void show(Context ctx, Conteo conteo, String sku, String contado, FieldErrors errors, HttpStatus status) {
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").trim();
        List<ConteoLinea> lines = counts.lines(dsl, Web.user(ctx).tenantId(), conteo.id()).stream()
                .filter(l -> q.isEmpty() || l.sku().toLowerCase().contains(q.toLowerCase())).toList();
        web.render(ctx, status, templates.inventoryCount(web.page(ctx), conteo, lines, q, sku, contado, errors));
    }

    private void review(Context ctx, Conteo conteo, StockRefused refused, HttpStatus status) {
        web.render(ctx, status, templates.inventoryCountApply(web.page(ctx), conteo, counts.lines(dsl, Web.user(ctx).tenantId(), conteo.id()), refused));
    }

    private Conteo load(Context ctx) {
        return counts.find(dsl, Web.user(ctx).tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }
}
