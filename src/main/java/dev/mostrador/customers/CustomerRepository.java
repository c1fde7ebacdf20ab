package dev.mostrador.customers;

import dev.mostrador.db.public_.tables.records.CustomersRecord;
import dev.mostrador.platform.db.Cursors;
import dev.mostrador.platform.db.Like;
import dev.mostrador.platform.web.Sorting;
import dev.mostrador.platform.web.ListSort;
import org.jooq.Field;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static dev.mostrador.db.public_.Tables.CUSTOMERS;

/** The tenant's customers. Their lümis balance column is kept by a trigger on the rewards ledger. */
public final class CustomerRepository {
    private final DSLContext dsl;

    public CustomerRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** For the few look-ups that are not this repository's (the merge log). */
    DSLContext dsl() {
        return dsl;
    }

    public long create(UUID tenantId, String name, String email, String phone) {
        return dsl.insertInto(CUSTOMERS).set(CUSTOMERS.TENANT_ID, tenantId).set(CUSTOMERS.NAME, name)
                .set(CUSTOMERS.EMAIL, blank(email)).set(CUSTOMERS.PHONE, blank(phone))
                .returning(CUSTOMERS.ID).fetchOne().getId();
    }

    public boolean update(UUID tenantId, long id, String name, String email, String phone) {
        return dsl.update(CUSTOMERS).set(CUSTOMERS.NAME, name).set(CUSTOMERS.EMAIL, blank(email)).set(CUSTOMERS.PHONE, blank(phone))
                .set(CUSTOMERS.UPDATED_AT, OffsetDateTime.now())
                .where(CUSTOMERS.TENANT_ID.eq(tenantId), CUSTOMERS.ID.eq(id)).execute() == 1;
    }

    public Optional<Customer> find(UUID tenantId, long id) {
        return dsl.selectFrom(CUSTOMERS).where(CUSTOMERS.TENANT_ID.eq(tenantId), CUSTOMERS.ID.eq(id))
                .fetchOptional(CustomerRepository::toCustomer);
    }

    public boolean emailTaken(UUID tenantId, String email, Long exceptId) {
        if (email == null || email.isBlank()) return false;
        Condition c = CUSTOMERS.TENANT_ID.eq(tenantId).and(DSL.lower(CUSTOMERS.EMAIL).eq(email.trim().toLowerCase()));
        if (exceptId != null) c = c.and(CUSTOMERS.ID.ne(exceptId));
        return dsl.fetchExists(CUSTOMERS, c);
    }

    public List<Customer> search(UUID tenantId, String query, int limit, int offset) {
        return search(tenantId, query, DEFAULT_SORT, limit, offset);
    }

    public List<Customer> search(UUID tenantId, String query, ListSort sort, int limit, int offset) {
        return dsl.selectFrom(CUSTOMERS).where(filter(tenantId, query))
                .orderBy(Sorting.orderBy(sort, SORTS, CUSTOMERS.ID)).limit(limit).offset(offset)
                .fetch(CustomerRepository::toCustomer);
    }

    /** Every customer of the filter in the list's order, read by batches (the CSV export). */
    public void each(UUID tenantId, String query, ListSort sort, Consumer<Customer> action) {
        Cursors.each(dsl, tx -> tx.selectFrom(CUSTOMERS).where(filter(tenantId, query)).orderBy(Sorting.orderBy(sort, SORTS, CUSTOMERS.ID)),
                r -> action.accept(toCustomer(r)));
    }

    /** The list's sortable columns; the default is by name. */
    public static final Map<String, Field<?>> SORTS = Map.of("name", DSL.lower(CUSTOMERS.NAME), "email", DSL.lower(CUSTOMERS.EMAIL),
            "phone", CUSTOMERS.PHONE, "balance", CUSTOMERS.LUMIS_BALANCE);
    public static final ListSort DEFAULT_SORT = ListSort.asc("name");

    public int count(UUID tenantId, String query) {
        return dsl.fetchCount(CUSTOMERS, filter(tenantId, query));
    }

    private static Condition filter(UUID tenantId, String query) {
        Condition c = CUSTOMERS.TENANT_ID.eq(tenantId);
        if (query == null || query.isBlank()) return c;
        String like = Like.containing(query);
        return c.and(DSL.lower(CUSTOMERS.NAME).like(like).or(DSL.lower(CUSTOMERS.EMAIL).like(like)).or(CUSTOMERS.PHONE.like(like)));
    }

    public static Customer toCustomer(CustomersRecord r) {
        return new Customer(r.getId(), r.getName(), r.getEmail(), r.getPhone(), r.getLumisBalance(), r.getCreatedAt());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
