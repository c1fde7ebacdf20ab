package dev.mostrador.orders;

import dev.mostrador.customers.Customer;
import dev.mostrador.customers.CustomerPageParts;
import dev.mostrador.customers.CustomerTimeline;
import dev.mostrador.platform.db.Jdbc;
import dev.mostrador.platform.web.Format;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.RequestMemo;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The orders' part of a customer's page: the latest ten orders (state, date, total) with a link to
 * all of them in the pedidos list, and each order on the customer's timeline. Read on
 * pedidos_cliente_idx (tenant_id, customer_id, id DESC).
 */
public final class OrderCustomerParts implements CustomerPageParts, CustomerTimeline {
    static final int LATEST = 10;

    /** One of the customer's orders. */
    public record Latest(long id, String estado, OffsetDateTime createdAt, BigDecimal total) {}

    private final DSLContext dsl;
    private final Web web;
    private final Templates templates;

    OrderCustomerParts(DSLContext dsl, Web web, Templates templates) {
        this.dsl = dsl;
        this.web = web;
        this.templates = templates;
    }

    @Override
    public Parts of(Context ctx, Customer customer) {
        return new Parts(out -> {}, templates.ordersCustomerOrders(web.page(ctx), customer.id(), latest(ctx, customer.id(), LATEST)));
    }

    @Override
    public List<Entry> entries(Context ctx, Customer customer, int limit) {
        Messages m = Web.messages(ctx);
        Format format = web.page(ctx).format();
        return latest(ctx, customer.id(), limit).stream().map(o -> new Entry(o.createdAt(), "order",
                m.t("crm.timeline.order", o.id(), m.t("ped.estado." + o.estado()), format.money(o.total())), "/pedidos/" + o.id())).toList();
    }

    @Override
    public void readAhead(Context ctx, long customerId) {
        RequestMemo.readAhead(ctx, read(ctx, customerId));
    }

    /** Read once for the panel and the timeline. */
    private List<Latest> latest(Context ctx, long customerId, int limit) {
        return RequestMemo.firstRows(ctx, read(ctx, customerId), limit);
    }

    private RequestMemo.Read<Latest> read(Context ctx, long customerId) {
        UUID tenantId = Web.user(ctx).tenantId();
        return new RequestMemo.Read<>(dsl, "orders.customer:" + customerId, CustomerTimeline.ROWS, n -> new Jdbc.Query<>(
                "SELECT id, estado, created_at, total FROM public.pedidos WHERE tenant_id = ? AND customer_id = ? ORDER BY id DESC LIMIT ?",
                r -> new Latest(r.getLong(1), r.getString(2), r.getObject(3, OffsetDateTime.class), r.getBigDecimal(4)), tenantId, customerId, n));
    }
}
