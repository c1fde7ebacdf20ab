package dev.mostrador.promotions;

import dev.mostrador.catalog.Producto;
import dev.mostrador.catalog.ProductoRepository;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.CsvExport;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Format;
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

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The admin's ofertas pages; oficina and vendedor may look at the active ones. */
public final class OfertaRoutes {
    private static final int PAGE_SIZE = 25;
    /** What sort links, pagination and the CSV link carry over: the search and the dashboard's date windows. */
    private static final String[] FILTERS = {"q", "tipo", "estado", "empieza_desde", "empieza_hasta", "termina_desde", "termina_hasta"};

    private final Web web;
    private final Templates templates;
    private final OfertaRepository ofertas;
    private final OfertaService service;
    private final ProductoRepository productos;
    private final OfertaRows rows;

    public OfertaRoutes(Web web, Templates templates, OfertaRepository ofertas, OfertaService service, ProductoRepository productos) {
        this.web = web;
        this.templates = templates;
        this.ofertas = ofertas;
        this.service = service;
        this.productos = productos;
        this.rows = new OfertaRows(productos);
    }

    public void register(Routes routes) {
        routes.get("/ofertas", this::list, Role.STAFF)
                .get("/ofertas.csv", this::csv, Role.STAFF)
                .get("/ofertas/{id}/duplicate", this::duplicate, Role.ADMIN)
                .get("/ofertas/new", ctx -> form(ctx, null, OfertaInput.blank(), "", FieldErrors.none(), HttpStatus.OK), Role.ADMIN)
                .post("/ofertas", ctx -> save(ctx, null), Role.ADMIN)
                .get("/ofertas/picker", this::picker, Role.ADMIN)
                .get("/ofertas/{id}/edit", this::edit, Role.ADMIN)
                .post("/ofertas/{id}", ctx -> save(ctx, load(ctx).id()), Role.ADMIN)
                .get("/ofertas/{id}/delete", ctx -> web.render(ctx, templates.ofertasDelete(web.page(ctx), load(ctx))), Role.ADMIN)
                .post("/ofertas/{id}/delete", this::delete, Role.ADMIN);
    }

    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        OfertaRepository.Filter filter = filter(ctx, me);
        ListSort sort = ListSort.of(ctx, OfertaRepository.SORTS.keySet(), OfertaRepository.DEFAULT_SORT);
        OffsetDateTime now = OffsetDateTime.now();
        Paging paging = Paging.of(ctx.queryParam("page"), PAGE_SIZE, ofertas.count(me.tenantId(), filter, now));
        List<Oferta> page = ofertas.search(me.tenantId(), filter, now, sort, PAGE_SIZE, paging.offset());
        web.render(ctx, templates.ofertasList(web.page(ctx), rows.of(me.tenant(), page, now), param(ctx, "q"), param(ctx, "tipo"),
                filter.estado() == null ? "" : filter.estado(), OfertaWindow.of(ctx), paging, ListLinks.of(ctx, "/ofertas", sort, FILTERS)));
    }

    /** The list as filtered and sorted on screen, every row of it. */
    private void csv(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        OfertaRepository.Filter filter = filter(ctx, me);
        OffsetDateTime now = OffsetDateTime.now();
        CsvExport.send(ctx, me.tenant(), "ofertas", List.of("id", m.t("ofertas.titulo"), m.t("ofertas.tipo"), m.t("ofertas.desde"),
                m.t("ofertas.hasta"), m.t("ofertas.estado")), csv -> ofertas.each(me.tenantId(), filter, now,
                ListSort.of(ctx, OfertaRepository.SORTS.keySet(), OfertaRepository.DEFAULT_SORT), o -> {
                    csv.number(o.id()).text(o.titulo()).text(m.t("ofertas.tipo." + o.tipo().code())).dateTime(o.desde())
                            .dateTime(o.hasta()).text(m.t("ofertas.estado." + o.estado(now).code()));
                    csv.endRow();
                }));
    }

    private static OfertaRepository.Filter filter(Context ctx, CurrentUser me) {
        String estado = me.isAdmin() ? param(ctx, "estado") : "activa";
        return OfertaWindow.of(ctx).applyTo(new OfertaRepository.Filter(param(ctx, "q"), param(ctx, "tipo"), estado.isEmpty() ? null : estado),
                me.tenant().zone());
    }

    private void edit(Context ctx) {
        Oferta o = load(ctx);
        Prefill p = prefill(Web.user(ctx), o);
        form(ctx, o.id(), p.input(), p.giftSku(), FieldErrors.none(), HttpStatus.OK);
    }

    /** The create form filled with a copy: "(copia)" in the title, and inactive until someone reviews it. */
    private void duplicate(Context ctx) {
        Oferta o = load(ctx);
        Prefill p = prefill(Web.user(ctx), o);
        OfertaInput i = p.input();
        OfertaInput copy = new OfertaInput(Web.messages(ctx).t("list.copy_of", i.titulo()), i.descripcion(), i.desde(), i.hasta(), false,
                i.tipo(), i.descuentoPorcentaje(), i.reglas(), i.compraCantidad(), i.pagaCantidad(), i.regaloProductoId(), i.regaloCantidad(),
                i.productos(), i.productosSkus(), i.typeErrors());
        form(ctx, null, copy, p.giftSku(), FieldErrors.none(), HttpStatus.OK);
    }

    private record Prefill(OfertaInput input, String giftSku) {}

    private Prefill prefill(CurrentUser me, Oferta o) {
        Map<Long, Producto> related = productos.findByIds(me.tenantId(),
                o.regaloProductoId() == null ? o.productos() : concat(o.productos(), o.regaloProductoId()));
        String skus = o.productos().stream().map(related::get).filter(Objects::nonNull).map(Producto::sku).collect(Collectors.joining(", "));
        OfertaInput input = OfertaInput.of(o, me.tenant().zone(), skus, new Format(me.tenant()));
        String giftSku = o.regaloProductoId() == null || !related.containsKey(o.regaloProductoId()) ? "" : related.get(o.regaloProductoId()).sku();
        return new Prefill(withoutIds(input), giftSku);
    }

    private void save(Context ctx, Long id) {
        CurrentUser me = Web.user(ctx);
        OfertaInput input = OfertaInput.fromForm(ctx);
        String giftSku = param(ctx, "regalo_sku");
        if (!giftSku.isEmpty()) {
            Producto gift = productos.findBySkus(me.tenantId(), List.of(giftSku)).get(giftSku.toLowerCase());
            input = withGift(input, gift == null ? "-1" : String.valueOf(gift.id()));
        }
        OfertaService.Result result = service.save(me.tenant(), id, input, Web.messages(ctx), new Format(me.tenant()));
        if (!result.ok()) {
            FieldErrors errors = new FieldErrors();
            // The form asks for the gift by SKU, not by id: show the message beside that field.
            result.errors().all().forEach((field, message) -> errors.add(field.equals("regalo_producto_id") ? "regalo_sku" : field, message));
            form(ctx, id, input, giftSku, errors, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        // "Guardar y agregar otro" comes back to an empty form.
        String next = id == null && "new".equals(ctx.formParam("next")) ? "/ofertas/new" : "/ofertas";
        web.redirectWithFlash(ctx, next, Web.messages(ctx).t(id == null ? "ofertas.created" : "ofertas.updated", input.titulo()));
    }

    private void delete(Context ctx) {
        Oferta o = load(ctx);
        service.delete(Web.user(ctx).tenantId(), o.id());
        web.redirectWithFlash(ctx, "/ofertas", Web.messages(ctx).t("ofertas.deleted", o.titulo()));
    }

    /** htmx fragment: products matching the search, to add to the oferta by SKU. */
    private void picker(Context ctx) {
        String q = param(ctx, "q");
        List<Producto> found = q.length() < 2 ? List.of() : productos.search(Web.user(ctx).tenantId(), q, true, 12, 0);
        web.render(ctx, templates.ofertasPicker(web.page(ctx), found, q));
    }

    private Oferta load(Context ctx) {
        return ofertas.find(Web.user(ctx).tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private void form(Context ctx, Long id, OfertaInput input, String giftSku, FieldErrors errors, HttpStatus status) {
        web.render(ctx, status, templates.ofertasForm(web.page(ctx), id, input, giftSku, errors));
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name) != null ? ctx.queryParam(name) : ctx.formParam(name);
        return v == null ? "" : v.trim();
    }

    private static List<Long> concat(List<Long> list, Long extra) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(extra)).toList();
    }

    /** The form lists products by SKU only, so the ids are dropped once the SKUs are known. */
    private static OfertaInput withoutIds(OfertaInput i) {
        return new OfertaInput(i.titulo(), i.descripcion(), i.desde(), i.hasta(), i.activa(), i.tipo(), i.descuentoPorcentaje(),
                i.reglas(), i.compraCantidad(), i.pagaCantidad(), i.regaloProductoId(), i.regaloCantidad(), List.of(),
                i.productosSkus(), i.typeErrors());
    }

    private static OfertaInput withGift(OfertaInput i, String giftId) {
        return new OfertaInput(i.titulo(), i.descripcion(), i.desde(), i.hasta(), i.activa(), i.tipo(), i.descuentoPorcentaje(),
                i.reglas(), i.compraCantidad(), i.pagaCantidad(), giftId, i.regaloCantidad(), i.productos(),
                i.productosSkus(), i.typeErrors());
    }
}
