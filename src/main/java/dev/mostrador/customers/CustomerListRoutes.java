package dev.mostrador.customers;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.CsvExport;
import dev.mostrador.platform.web.ListLinks;
import dev.mostrador.platform.web.ListSort;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;

import java.util.List;

/**
 * The customers list (/recompensas/clientes): search, filters, a sort with keyset pages, the
 * filtered set's count (bounded: "más de 1.000"), and the CSV export of all of it, every column.
 */
public final class CustomerListRoutes {
    static final int PAGE_SIZE = 25;
    static final ListSort DEFAULT_SORT = ListSort.asc("name");
    /**
     * A search's default order. By name, a first name's fragment ("raul", 12,500 of 500,000 customers, all of them in the
     * R's) walked the name index for up to 1.4 s before its first page was full; newest first, the matches are spread
     * along the ids and every fragment's first page took 0.4-1.9 ms. Asking for the name order still gets it.
     */
    static final ListSort SEARCH_SORT = ListSort.desc("newest");

    /** The order asked for, or the list's default: by name, or newest first when searching. */
    static ListSort sort(Context ctx, CustomerQuery.Filter filter) {
        return ListSort.of(ctx, CustomerQuery.SORT_NAMES, filter.q().isEmpty() ? DEFAULT_SORT : SEARCH_SORT);
    }

    private final Web web;
    private final Templates templates;
    private final CustomerQuery query;
    private final CustomerProfiles profiles;
    private final InterestRepository interests;

    public CustomerListRoutes(Web web, Templates templates, CustomerQuery query, CustomerProfiles profiles, InterestRepository interests) {
        this.web = web;
        this.templates = templates;
        this.query = query;
        this.profiles = profiles;
        this.interests = interests;
    }

    public void register(Routes routes) {
        routes.get(CustomerRoutes.BASE, this::list, Role.STAFF)
                .get(CustomerRoutes.BASE + ".csv", this::csv, Role.STAFF);
    }

    /** A page of rows, the cursor of the next one (null on the last) and the filtered set's count. */
    public record Page(List<CustomerQuery.Row> rows, String next, CustomerQuery.Count count) {}

    /**
     * A page of the list as {@code ctx} asks it (filters, sort, ?after=cursor) and its count; shared with the JSON API. A search's
     * first page newest first (its default) takes both from one statement; other pages count first, and a search with few
     * matches then reads them from the trigram index instead of walking the sort's.
     */
    static Page page(CustomerQuery query, Context ctx, CustomerQuery.Filter filter, ListSort sort, int size) {
        java.util.UUID tenantId = Web.user(ctx).tenantId();
        String after = ctx.queryParam("after");
        CustomerQuery.Count count;
        List<CustomerQuery.Row> rows;
        if (!filter.q().isEmpty() && (after == null || after.isEmpty()) && "newest".equals(sort.column())) {
            CustomerQuery.Counted counted = query.searchFirstPage(tenantId, filter, size + 1);
            count = counted.count();
            rows = counted.rows();
        } else {
            count = query.count(tenantId, filter);
            rows = query.page(tenantId, filter, sort.column(), sort.descending(), after, size + 1, !count.more());
        }
        if (rows.size() <= size) return new Page(rows, null, count);
        rows = rows.subList(0, size);
        return new Page(rows, CustomerQuery.cursor(rows.get(size - 1), sort.column()), count);
    }

    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        CustomerFilters filters = CustomerFilters.of(ctx);
        ListSort sort = sort(ctx, filters.toFilter());
        Page page = page(query, ctx, filters.toFilter(), sort, PAGE_SIZE);
        ctx.header("Cache-Control", "no-store");
        web.render(ctx, templates.customersList(web.page(ctx), page.rows(), filters, page.count(),
                ctx.queryParam("after") != null, page.next(), ListLinks.of(ctx, CustomerRoutes.BASE, sort, CustomerFilters.NAMES),
                interests.names(me.tenantId()), profiles.vendedores(me.tenantId()), CustomerRoutes.country(ctx)));
    }

    /** The list as filtered and sorted on screen, every row of it and every column. */
    private void csv(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        ListSort sort = sort(ctx, CustomerFilters.of(ctx).toFilter());
        String country = CustomerRoutes.country(ctx);
        List<String> header = List.of("id", m.t("rw.customers.name"), m.t("crm.tax_id"), m.t("rw.customers.email"), m.t("rw.customers.phone"),
                m.t("crm.phone_alt"), m.t("crm.address"), m.t("crm.city"), m.t("crm.status"), m.t("crm.preferred"), m.t("crm.vendedor"),
                m.t("crm.interests"), m.t("crm.notes"), m.t("crm.source"), m.t("crm.created_by"), m.t("crm.created_at"), m.t("rw.customers.balance"));
        CsvExport.send(ctx, me.tenant(), "clientes", header, csv -> query.each(me.tenantId(), CustomerFilters.of(ctx).toFilter(),
                sort.column(), sort.descending(), r -> {
                    csv.number(r.id()).text(r.name()).text(TaxIds.format(country, r.taxId())).text(r.email()).text(r.phone()).text(r.phoneAlt())
                            .text(r.address()).text(r.city()).text(m.t("crm.status." + r.status())).text(r.preferred() ? m.t("crm.yes") : "")
                            .text(r.vendedorName()).text(r.interestNames()).text(r.notes()).text(m.t("crm.source." + r.source()))
                            .text(r.createdByName()).dateTime(r.createdAt()).number(r.balance());
                    csv.endRow();
                }));
    }
}
