package dev.mostrador.inventory;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.QueryParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.jooq.DSLContext;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/** Pages to receive stock (entrada), adjust it (ajuste) and read the movements ledger with filters. */
public final class StockEntryRoutes {
    private static final int PAGE_SIZE = 50;
    private final DSLContext dsl;
    private final Web web;
    private final Templates templates;
    private final StockOperations operations;
    private final StockMovements movements;

    public StockEntryRoutes(DSLContext dsl, Web web, Templates templates, StockOperations operations, StockMovements movements) {
        this.dsl = dsl;
        this.web = web;
        this.templates = templates;
        this.operations = operations;
        this.movements = movements;
    }

    public void register(Routes routes) {
        routes.get("/inventario/entrada", ctx -> form(ctx, false, StockMoveForm.blank(ctx.queryParam("sku")), FieldErrors.none(), HttpStatus.OK),
                        InventoryApi.WRITERS)
                .post("/inventario/entrada", ctx -> save(ctx, false), InventoryApi.WRITERS)
                .get("/inventario/ajuste", ctx -> form(ctx, true, StockMoveForm.blank(ctx.queryParam("sku")), FieldErrors.none(), HttpStatus.OK),
                        InventoryApi.WRITERS)
                .post("/inventario/ajuste", ctx -> save(ctx, true), InventoryApi.WRITERS)
                .get("/inventario/movimientos", this::movements, Role.STAFF);
    }

    private void save(Context ctx, boolean ajuste) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        StockMoveForm input = StockMoveForm.of(ctx);
        FieldErrors errors = new FieldErrors();
        StockUnits.Parsed units = input.units(ajuste, m, errors);
        Optional<Stock> product = operations.bySku(dsl, me.tenantId(), input.sku());
        if (!input.sku().isEmpty() && product.isEmpty()) errors.add("sku", m.t("st.product_sku_unknown", input.sku()));
        if (!errors.isEmpty()) {
            form(ctx, ajuste, input, errors, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        long id = product.get().productoId();
        try {
            Stock after = ajuste ? operations.ajuste(dsl, me.tenantId(), me.userId(), id, units.value(), input.nota(), m)
                    : operations.entrada(dsl, me.tenantId(), me.userId(), id, units.value(), input.nota(), m);
            web.redirectWithFlash(ctx, "/productos/" + id, m.t(ajuste ? "st.ajuste.done" : "st.entrada.done", after.sku(), after.disponible()));
        } catch (StockRefused e) {
            errors.add("producto_id".equals(e.field()) ? "sku" : e.field(), e.getMessage());
            form(ctx, ajuste, input, errors, HttpStatus.forStatus(e.status()));
        }
    }

    private void form(Context ctx, boolean ajuste, StockMoveForm input, FieldErrors errors, HttpStatus status) {
        Stock stock = input.sku().isEmpty() ? null : operations.bySku(dsl, Web.user(ctx).tenantId(), input.sku()).orElse(null);
        web.render(ctx, status, templates.inventoryMoveForm(web.page(ctx), ajuste, input, stock, errors));
    }

    /** The whole tenant's ledger, newest first: by reason, by product (SKU) and by days in the tenant's zone. */
    private void movements(Context ctx) {
        CurrentUser me = Web.user(ctx);
        String motivo = Optional.ofNullable(ctx.queryParam("motivo")).orElse("");
        StockMotivo reason = Arrays.stream(StockMotivo.values()).filter(v -> v.code().equals(motivo)).findFirst().orElse(null);
        String sku = Optional.ofNullable(ctx.queryParam("sku")).orElse("").trim();
        Optional<Stock> product = operations.bySku(dsl, me.tenantId(), sku);
        LocalDate desde = QueryParams.date(ctx, "desde");
        LocalDate hasta = QueryParams.date(ctx, "hasta");
        StockMovements.Page page = !sku.isEmpty() && product.isEmpty() ? new StockMovements.Page(java.util.List.of(), null)
                : movements.page(dsl, me.tenantId(), new StockMovements.Filter(product.map(Stock::productoId).orElse(null), reason,
                        InventoryApi.start(desde, me), InventoryApi.start(InventoryApi.plusDay(hasta), me)), StockJson.longParam(ctx, "before"), PAGE_SIZE);
        String query = "motivo=" + (reason == null ? "" : reason.code()) + "&sku=" + java.net.URLEncoder.encode(sku, java.nio.charset.StandardCharsets.UTF_8)
                + "&desde=" + (desde == null ? "" : desde) + "&hasta=" + (hasta == null ? "" : hasta);
        web.render(ctx, templates.inventoryMovements(web.page(ctx), page, reason == null ? "" : reason.code(), sku, desde == null ? "" : desde.toString(),
                hasta == null ? "" : hasta.toString(), query, ctx.queryParam("before") != null));
    }
}
