package dev.mostrador.customers;

import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Web;
import io.javalin.http.Context;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.mostrador.db.public_.Tables.CUSTOMERS;
import static dev.mostrador.db.public_.Tables.CUSTOMER_CHANGES;
import static dev.mostrador.db.public_.Tables.USERS;

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
        dsl.select(CUSTOMER_CHANGES.CREATED_AT, CUSTOMER_CHANGES.FIELDS, USERS.NAME).from(CUSTOMER_CHANGES)
                .leftJoin(USERS).on(USERS.TENANT_ID.eq(CUSTOMER_CHANGES.TENANT_ID), USERS.ID.eq(CUSTOMER_CHANGES.USER_ID))
                .where(CUSTOMER_CHANGES.TENANT_ID.eq(tenantId), CUSTOMER_CHANGES.CUSTOMER_ID.eq(customer.id()))
                .orderBy(CUSTOMER_CHANGES.ID.desc()).limit(limit)
                .forEach(r -> entries.add(new Entry(r.value1(), "edited", m.t("crm.timeline.edited", who(m, r.value3()),
                        Arrays.stream(r.value2()).map(f -> m.t("crm.field." + f)).collect(Collectors.joining(", "))), null)));
        dsl.select(CUSTOMERS.SOURCE, USERS.NAME).from(CUSTOMERS)
                .leftJoin(USERS).on(USERS.TENANT_ID.eq(CUSTOMERS.TENANT_ID), USERS.ID.eq(CUSTOMERS.CREATED_BY))
                .where(CUSTOMERS.TENANT_ID.eq(tenantId), CUSTOMERS.ID.eq(customer.id()))
                .forEach(r -> entries.add(new Entry(customer.createdAt(), "created",
                        m.t("crm.timeline.created", who(m, r.value2()), m.t("crm.source." + r.value1())), null)));
        return entries;
    }

    private static String who(Messages m, String name) {
        return name == null ? m.t("crm.timeline.someone") : name;
    }
}
