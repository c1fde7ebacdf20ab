package dev.mostrador.customers;

import dev.mostrador.db.public_.tables.records.CustomersRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

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

    /**
     * Customers matching {@code query} (the list's search: name, e-mail, phones, tax id, accents ignored), newest first; with
     * no query the first by name. For pickers (the cart's customer, a visit's): the list itself is CustomerQuery's.
     * {@code offset} is past the first {@code limit}: pickers ask for the first ones only.
     */
    public java.util.List<Customer> search(UUID tenantId, String query, int limit, int offset) {
        String q = query == null ? "" : query.trim();
        if (q.length() > 200) q = q.substring(0, 200);
        CustomerQuery.Filter filter = new CustomerQuery.Filter(q, null, null, null, "", false);
        return new CustomerQuery(dsl).page(tenantId, filter, q.isEmpty() ? "name" : "newest", false, null, limit + Math.max(offset, 0)).stream()
                .skip(Math.max(offset, 0)).map(CustomerQuery.Row::customer).toList();
    }

    public static Customer toCustomer(CustomersRecord r) {
        return new Customer(r.getId(), r.getName(), r.getEmail(), r.getPhone(), r.getLumisBalance(), r.getCreatedAt());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
