package dev.mostrador.customers;

import dev.mostrador.platform.db.Jdbc;
import dev.mostrador.platform.web.Messages;
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
        // Plain SQL and the page's own row: every view of a customer asks these, and jOOQ's rendering cost more than the queries.
        for (Entry e : Jdbc.list(dsl, "SELECT ch.created_at, ch.fields, u.name FROM public.customer_changes ch LEFT JOIN public.users u"
                        + " ON u.tenant_id = ch.tenant_id AND u.id = ch.user_id WHERE ch.tenant_id = ? AND ch.customer_id = ? ORDER BY ch.id DESC LIMIT ?",
                r -> new Entry(r.getObject(1, OffsetDateTime.class), "edited", m.t("crm.timeline.edited", who(m, r.getString(3)),
                        Arrays.stream((String[]) r.getArray(2).getArray()).map(f -> m.t("crm.field." + f)).collect(Collectors.joining(", "))), null),
                tenantId, customer.id(), limit)) {
            entries.add(e);
        }
        new CustomerQuery(dsl).one(ctx, tenantId, customer.id()).ifPresent(r -> entries.add(new Entry(customer.createdAt(), "created",
                m.t("crm.timeline.created", who(m, r.createdByName()), m.t("crm.source." + r.source())), null)));
        return entries;
    }

    private static String who(Messages m, String name) {
        return name == null ? m.t("crm.timeline.someone") : name;
    }
}
