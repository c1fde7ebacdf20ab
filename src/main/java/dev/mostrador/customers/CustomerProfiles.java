package dev.mostrador.customers;

import dev.mostrador.db.public_.tables.Users;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static dev.mostrador.db.public_.Tables.CUSTOMERS;
import static dev.mostrador.db.public_.Tables.CUSTOMER_CHANGES;
import static dev.mostrador.db.public_.Tables.CUSTOMER_INTERESES;
import static dev.mostrador.db.public_.Tables.INTERESES;
import static dev.mostrador.db.public_.Tables.USERS;

/**
 * The CRM fields of customers: written with the customer in one transaction (its interests and,
 * on an edit, a row of customer_changes naming the fields that changed), read for the form, the
 * page and the API. Every query is scoped by the tenant.
 */
public final class CustomerProfiles {
    /** A unique index refused a tax id or e-mail that another customer took meanwhile: {@code field} names which. */
    public static final class Taken extends RuntimeException {
        public final String field;

        Taken(String field) {
            super(field + " taken", null, false, false);
            this.field = field;
        }
    }

    private final DSLContext dsl;

    public CustomerProfiles(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A new customer with all its fields, created by {@code userId}. */
    public long create(UUID tenantId, CustomerInput in, String taxId, Long userId) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long id = uniqueRace(() -> tx.insertInto(CUSTOMERS).set(CUSTOMERS.TENANT_ID, tenantId).set(CUSTOMERS.NAME, in.name())
                    .set(CUSTOMERS.EMAIL, blank(in.email())).set(CUSTOMERS.PHONE, blank(in.phone())).set(CUSTOMERS.PHONE_ALT, blank(in.phoneAlt()))
                    .set(CUSTOMERS.TAX_ID, taxId).set(CUSTOMERS.ADDRESS, blank(in.address())).set(CUSTOMERS.CITY, blank(in.city()))
                    .set(CUSTOMERS.STATUS, in.status()).set(CUSTOMERS.PREFERRED, in.preferred()).set(CUSTOMERS.VENDEDOR_ID, in.vendedor())
                    .set(CUSTOMERS.NOTES, blank(in.notes())).set(CUSTOMERS.CREATED_BY, userId)
                    .returning(CUSTOMERS.ID).fetchOne().getId());
            setInterests(tx, tenantId, id, in.interestIds());
            return id;
        });
    }

    /** Saves the edit and, when something changed, who changed which fields. */
    public void update(UUID tenantId, long id, CustomerInput in, String taxId, Long userId) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            Record before = tx.selectFrom(CUSTOMERS).where(CUSTOMERS.TENANT_ID.eq(tenantId), CUSTOMERS.ID.eq(id)).forUpdate().fetchOne();
            if (before == null) return;
            List<String> changed = new ArrayList<>();
            diff(changed, "name", before.get(CUSTOMERS.NAME), in.name());
            diff(changed, "email", before.get(CUSTOMERS.EMAIL), blank(in.email()));
            diff(changed, "phone", before.get(CUSTOMERS.PHONE), blank(in.phone()));
            diff(changed, "phone_alt", before.get(CUSTOMERS.PHONE_ALT), blank(in.phoneAlt()));
            diff(changed, "tax_id", before.get(CUSTOMERS.TAX_ID), taxId);
            diff(changed, "address", before.get(CUSTOMERS.ADDRESS), blank(in.address()));
            diff(changed, "city", before.get(CUSTOMERS.CITY), blank(in.city()));
            diff(changed, "status", before.get(CUSTOMERS.STATUS), in.status());
            diff(changed, "preferred", before.get(CUSTOMERS.PREFERRED), in.preferred());
            diff(changed, "vendedor_id", before.get(CUSTOMERS.VENDEDOR_ID), in.vendedor());
            diff(changed, "notes", before.get(CUSTOMERS.NOTES), blank(in.notes()));
            uniqueRace(() -> tx.update(CUSTOMERS).set(CUSTOMERS.NAME, in.name()).set(CUSTOMERS.EMAIL, blank(in.email()))
                    .set(CUSTOMERS.PHONE, blank(in.phone())).set(CUSTOMERS.PHONE_ALT, blank(in.phoneAlt())).set(CUSTOMERS.TAX_ID, taxId)
                    .set(CUSTOMERS.ADDRESS, blank(in.address())).set(CUSTOMERS.CITY, blank(in.city())).set(CUSTOMERS.STATUS, in.status())
                    .set(CUSTOMERS.PREFERRED, in.preferred()).set(CUSTOMERS.VENDEDOR_ID, in.vendedor()).set(CUSTOMERS.NOTES, blank(in.notes()))
                    .set(CUSTOMERS.UPDATED_AT, OffsetDateTime.now())
                    .where(CUSTOMERS.TENANT_ID.eq(tenantId), CUSTOMERS.ID.eq(id)).execute());
            if (setInterests(tx, tenantId, id, in.interestIds())) changed.add("interests");
            if (!changed.isEmpty()) {
                tx.insertInto(CUSTOMER_CHANGES).set(CUSTOMER_CHANGES.TENANT_ID, tenantId).set(CUSTOMER_CHANGES.CUSTOMER_ID, id)
                        .set(CUSTOMER_CHANGES.USER_ID, userId).set(CUSTOMER_CHANGES.FIELDS, changed.toArray(String[]::new)).execute();
            }
        });
    }

    public Optional<CustomerProfile> find(UUID tenantId, long id) {
        Users vendedor = USERS.as("v");
        Users creator = USERS.as("cb");
        return dsl.select(CUSTOMERS.TAX_ID, CUSTOMERS.PHONE_ALT, CUSTOMERS.ADDRESS, CUSTOMERS.CITY, CUSTOMERS.STATUS, CUSTOMERS.PREFERRED,
                        CUSTOMERS.VENDEDOR_ID, vendedor.NAME, CUSTOMERS.CREATED_BY, creator.NAME, CUSTOMERS.NOTES, CUSTOMERS.SOURCE)
                .from(CUSTOMERS)
                .leftJoin(vendedor).on(vendedor.TENANT_ID.eq(CUSTOMERS.TENANT_ID), vendedor.ID.eq(CUSTOMERS.VENDEDOR_ID))
                .leftJoin(creator).on(creator.TENANT_ID.eq(CUSTOMERS.TENANT_ID), creator.ID.eq(CUSTOMERS.CREATED_BY))
                .where(CUSTOMERS.TENANT_ID.eq(tenantId), CUSTOMERS.ID.eq(id))
                .fetchOptional(r -> new CustomerProfile(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9(), r.value10(), r.value11(), r.value12(), interests(tenantId, id)));
    }

    List<CustomerProfile.Interest> interests(UUID tenantId, long customerId) {
        return dsl.select(INTERESES.ID, INTERESES.NOMBRE).from(CUSTOMER_INTERESES)
                .join(INTERESES).on(INTERESES.TENANT_ID.eq(CUSTOMER_INTERESES.TENANT_ID), INTERESES.ID.eq(CUSTOMER_INTERESES.INTERES_ID))
                .where(CUSTOMER_INTERESES.TENANT_ID.eq(tenantId), CUSTOMER_INTERESES.CUSTOMER_ID.eq(customerId))
                .orderBy(DSL.lower(INTERESES.NOMBRE)).fetch(r -> new CustomerProfile.Interest(r.value1(), r.value2()));
    }

    /** Another customer of the tenant has this stored tax id. */
    public boolean taxIdTaken(UUID tenantId, String taxId, Long exceptId) {
        if (taxId == null) return false;
        var c = CUSTOMERS.TENANT_ID.eq(tenantId).and(CUSTOMERS.TAX_ID.eq(taxId));
        return dsl.fetchExists(CUSTOMERS, exceptId == null ? c : c.and(CUSTOMERS.ID.ne(exceptId)));
    }

    /** An active user of the tenant with the role vendedor. */
    public boolean isVendedor(UUID tenantId, long userId) {
        return dsl.fetchExists(USERS, USERS.TENANT_ID.eq(tenantId), USERS.ID.eq(userId), USERS.ROLE.eq("vendedor"), USERS.ACTIVE.isTrue());
    }

    /** All of {@code ids} are interests of the tenant. */
    public boolean areInterests(UUID tenantId, List<Long> ids) {
        if (ids.isEmpty()) return true;
        List<Long> distinct = ids.stream().distinct().toList();
        return dsl.fetchCount(INTERESES, INTERESES.TENANT_ID.eq(tenantId), INTERESES.ID.in(distinct)) == distinct.size();
    }

    /** The tenant's active vendedores, for the form's select and the list's filter. */
    public List<CustomerProfile.Interest> vendedores(UUID tenantId) {
        // Plain SQL: every view of the customers list asks it for its filter, and jOOQ's rendering cost more than the query.
        return dev.mostrador.platform.db.Jdbc.list(dsl, "SELECT id, name FROM public.users WHERE tenant_id = ? AND role = 'vendedor' AND active"
                + " ORDER BY lower(name), id LIMIT 500", r -> new CustomerProfile.Interest(r.getLong(1), r.getString(2)), tenantId);
    }

    /** Replaces the customer's interests with {@code ids}; true when that changed them. */
    private static boolean setInterests(DSLContext tx, UUID tenantId, long customerId, List<Long> ids) {
        List<Long> distinct = ids.stream().distinct().toList();
        int removed = tx.deleteFrom(CUSTOMER_INTERESES).where(CUSTOMER_INTERESES.TENANT_ID.eq(tenantId),
                CUSTOMER_INTERESES.CUSTOMER_ID.eq(customerId), CUSTOMER_INTERESES.INTERES_ID.notIn(distinct)).execute();
        int added = 0;
        for (long interes : distinct) {
            added += tx.insertInto(CUSTOMER_INTERESES).set(CUSTOMER_INTERESES.TENANT_ID, tenantId).set(CUSTOMER_INTERESES.CUSTOMER_ID, customerId)
                    .set(CUSTOMER_INTERESES.INTERES_ID, interes).onConflictDoNothing().execute();
        }
        return removed + added > 0;
    }

    private static <T> T uniqueRace(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (DataAccessException e) {
            if (String.valueOf(e.getMessage()).contains("customers_tax_id_key")) throw new Taken("tax_id");
            if (String.valueOf(e.getMessage()).contains("customers_email_key")) throw new Taken("email");
            throw e;
        }
    }

    private static void diff(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) changed.add(field);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
