package dev.mostrador.orders;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.CsvExport;
import dev.mostrador.platform.web.ListLinks;
import dev.mostrador.platform.web.ListSort;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.QueryParams;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Pedidos" (/pedidos and GET /api/pedidos): the tenant's orders by state, days, customer,
 * repartidor and who took them, or by number or customer name; newest first (or oldest) with a
 * keyset cursor; the count and sum of the filtered set; the CSV export is all of it.
 */
public final class OrderListRoutes {
    static final int PAGE_SIZE = 50;
    static final Set<String> SORTS = Set.of("numero");
    static final ListSort DEFAULT_SORT = ListSort.desc("numero");
    private final Web web;
    private final Templates templates;
    private final OrderQuery query;

    OrderListRoutes(Web web, Templates templates, OrderQuery query) {
        this.web = web;
        this.templates = templates;
        this.query = query;
    }

    public void register(Routes routes) {
        routes.get("/pedidos", this::list, Role.STAFF)
                .get("/pedidos.csv", this::csv, Role.STAFF)
                .get("/api/pedidos", this::api, Role.STAFF);
    }

    /** One page: its rows, the cursor of the next (null on the last) and the filtered set's totals. */
    record Page(List<OrderQuery.Row> rows, Long next, OrderQuery.Totals totals) {}

    private Page page(Context ctx, OrderFilters filters, boolean oldestFirst) {
        CurrentUser me = Web.user(ctx);
        OrderQuery.Filter filter = filters.toFilter(me.tenant().zone());
        Long after = QueryParams.positiveId(ctx.queryParam("after"));
        List<OrderQuery.Row> rows = query.search(me.tenantId(), filter, after, oldestFirst, PAGE_SIZE + 1);
        Long next = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            next = rows.get(PAGE_SIZE - 1).id();
        }
        return new Page(rows, next, query.totals(me.tenantId(), filter));
    }

    private void list(Context ctx) {
        OrderFilters filters = OrderFilters.of(ctx);
        ListSort sort = ListSort.of(ctx, SORTS, DEFAULT_SORT);
        Page page = page(ctx, filters, !sort.descending());
        ctx.header("Cache-Control", "no-store");
        CurrentUser me = Web.user(ctx);
        web.render(ctx, templates.ordersList(web.page(ctx), page.rows(), filters, page.totals(), ctx.queryParam("after") != null, page.next(),
                ListLinks.of(ctx, "/pedidos", sort, OrderFilters.NAMES), query.repartidores(me.tenantId()), query.users(me.tenantId())));
    }

    private void api(Context ctx) {
        OrderFilters filters = OrderFilters.of(ctx);
        Page page = page(ctx, filters, "asc".equals(ctx.queryParam("order")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.rows().stream().map(OrderListRoutes::json).toList());
        body.put("next_cursor", page.next());
        body.put("totals", Map.of("count", page.totals().count(), "total", page.totals().total()));
        Web.json(ctx, HttpStatus.OK, body);
    }

    private static Map<String, Object> json(OrderQuery.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("estado", r.estado());
        m.put("created_at", r.createdAt());
        m.put("customer", r.customerId() == null ? null : Map.of("id", r.customerId(), "name", r.customerName()));
        m.put("taken_by", r.userName());
        m.put("repartidor", r.repartidorName());
        m.put("total", r.total());
        m.put("currency", r.moneda());
        return m;
    }

    /** The list as filtered and sorted on screen, every row of it. */
    private void csv(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        OrderQuery.Filter filter = OrderFilters.of(ctx).toFilter(me.tenant().zone());
        boolean oldestFirst = !ListSort.of(ctx, SORTS, DEFAULT_SORT).descending();
        CsvExport.send(ctx, me.tenant(), "pedidos", List.of(m.t("ped.list.numero"), m.t("ped.created_at"), m.t("ped.list.estado"),
                m.t("ped.customer"), m.t("ped.taken_by"), m.t("ped.repartidor"), m.t("ped.total")), csv ->
                query.each(me.tenantId(), filter, oldestFirst, r -> {
                    csv.number(r.id()).dateTime(r.createdAt()).text(m.t("ped.estado." + r.estado())).text(r.customerName()).text(r.userName())
                            .text(r.repartidorName()).number(r.total());
                    csv.endRow();
                }));
    }
}
