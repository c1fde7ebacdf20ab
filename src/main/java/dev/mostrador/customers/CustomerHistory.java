package dev.mostrador.customers;

import dev.mostrador.platform.db.Jdbc;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.RequestMemo;
import dev.mostrador.platform.web.Web;
import io.javalin.http.Context;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;


/** The customers' own part of the timeline: when and by whom it was created, and each edit with the fields it changed. */
final class CustomerHistory implements CustomerTimeline {
    private final DSLContext dsl;

    CustomerHistory(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<Entry> entries(Context ctx, Customer customer, int limit) {
        Messages m = Web.messages(ctx);
        UUID tenantId = Web.user(ctx).tenantId();
        List<Entry> entries = new ArrayList<>();
        for (Change c : RequestMemo.firstRows(ctx, read(ctx, customer.id()), limit)) {
            entries.add(new Entry(c.at(), "edited", m.t("crm.timeline.edited", who(m, c.by()),
                    Arrays.stream(c.fields()).map(f -> m.t("crm.field." + f)).collect(Collectors.joining(", "))), null));
        }
        new CustomerQuery(dsl).one(ctx, tenantId, customer.id()).ifPresent(r -> entries.add(new Entry(customer.createdAt(), "created",
                m.t("crm.timeline.created", who(m, r.createdByName()), m.t("crm.source." + r.source())), null)));
        return entries;
    }

    @Override
    public void readAhead(Context ctx, long customerId) {
        RequestMemo.readAhead(ctx, read(ctx, customerId));
    }

    private record Change(OffsetDateTime at, String[] fields, String by) {}

    private RequestMemo.Read<Change> read(Context ctx, long customerId) {
        UUID tenantId = Web.user(ctx).tenantId();
        // Plain SQL: every view of a customer asks it, and jOOQ's rendering cost more than the query.
        return new RequestMemo.Read<>(dsl, "customers.changes:" + customerId, ROWS, n -> new Jdbc.Query<>("SELECT ch.created_at, ch.fields, u.name"
                + " FROM public.customer_changes ch LEFT JOIN public.users u ON u.tenant_id = ch.tenant_id AND u.id = ch.user_id"
                + " WHERE ch.tenant_id = ? AND ch.customer_id = ? ORDER BY ch.id DESC LIMIT ?",
                r -> new Change(r.getObject(1, OffsetDateTime.class), (String[]) r.getArray(2).getArray(), r.getString(3)), tenantId, customerId, n));
    }

    private static String who(Messages m, String name) {
        return name == null ? m.t("crm.timeline.someone") : name;
    }
}
