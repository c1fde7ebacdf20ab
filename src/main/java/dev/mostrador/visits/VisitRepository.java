package dev.mostrador.visits;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.mostrador.db.public_.Tables.CUSTOMERS;
import static dev.mostrador.db.public_.Tables.USERS;
import static dev.mostrador.db.public_.Tables.VISITAS;

/** The tenant's visits (jOOQ only): every method takes the tenant, every query is scoped by it. */
public final class VisitRepository {
    /** A user a visit can be planned for. */
    public record VisitVendedor(long id, String name, String role) {}

    /** The customer's latest recorded outcome before a day, for the day's list. */
    public record LastOutcome(String outcome, OffsetDateTime at) {}

    private final DSLContext dsl;

    public VisitRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long create(UUID tenantId, long customerId, long vendedorId, OffsetDateTime plannedAt, long createdBy) {
        return dsl.insertInto(VISITAS).set(VISITAS.TENANT_ID, tenantId).set(VISITAS.CUSTOMER_ID, customerId)
                .set(VISITAS.VENDEDOR_ID, vendedorId).set(VISITAS.PLANNED_AT, plannedAt).set(VISITAS.CREATED_BY, createdBy)
                .returning(VISITAS.ID).fetchOne().getId();
    }

    /** A new plan (customer, vendedor, date and time); what came of it stays as recorded. */
    public boolean replan(UUID tenantId, long id, long customerId, long vendedorId, OffsetDateTime plannedAt) {
        return dsl.update(VISITAS).set(VISITAS.CUSTOMER_ID, customerId).set(VISITAS.VENDEDOR_ID, vendedorId)
                .set(VISITAS.PLANNED_AT, plannedAt).set(VISITAS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(VISITAS.TENANT_ID.eq(tenantId), VISITAS.ID.eq(id)).execute() == 1;
    }

    /** Records (or corrects) what came of the visit; it was done when first recorded. */
    public boolean record(UUID tenantId, long id, String outcome, String notes, String nextAction, LocalDate nextActionDate) {
        return dsl.update(VISITAS).set(VISITAS.STATUS, Visita.DONE).set(VISITAS.OUTCOME, outcome).set(VISITAS.NOTES, notes)
                .set(VISITAS.NEXT_ACTION, nextAction).set(VISITAS.NEXT_ACTION_DATE, nextActionDate)
                .set(VISITAS.DONE_AT, DSL.coalesce(VISITAS.DONE_AT, DSL.currentOffsetDateTime()))
                .set(VISITAS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(VISITAS.TENANT_ID.eq(tenantId), VISITAS.ID.eq(id)).execute() == 1;
    }

    public Optional<Visita> find(UUID tenantId, long id) {
        return select().where(VISITAS.TENANT_ID.eq(tenantId), VISITAS.ID.eq(id)).fetchOptional(VisitRepository::toVisita);
    }

    /**
     * Visits planned in [from, to), in time order: everyone's, or one vendedor's, or one customer's
     * (each null = any). At most {@code limit}.
     */
    public List<Visita> between(UUID tenantId, Long vendedorId, Long customerId, OffsetDateTime from, OffsetDateTime to, int limit) {
        Condition c = VISITAS.TENANT_ID.eq(tenantId).and(VISITAS.PLANNED_AT.ge(from)).and(VISITAS.PLANNED_AT.lt(to));
        if (vendedorId != null) c = c.and(VISITAS.VENDEDOR_ID.eq(vendedorId));
        if (customerId != null) c = c.and(VISITAS.CUSTOMER_ID.eq(customerId));
        return select().where(c).orderBy(VISITAS.PLANNED_AT, VISITAS.ID).limit(limit).fetch(VisitRepository::toVisita);
    }

    /** The customer's latest visits, newest first (the customer's page and timeline). */
    public List<Visita> forCustomer(UUID tenantId, long customerId, int limit) {
        return forCustomer(tenantId, customerId, null, limit);
    }

    /** As {@link #forCustomer(UUID, long, int)}, only one vendedor's when {@code vendedorId} is given. */
    public List<Visita> forCustomer(UUID tenantId, long customerId, Long vendedorId, int limit) {
        return dev.mostrador.platform.db.Jdbc.list(dsl, forCustomerQuery(tenantId, customerId, vendedorId, limit));
    }

    /** {@link #forCustomer(UUID, long, Long, int)} as a statement, to be sent with a page's other reads. */
    static dev.mostrador.platform.db.Jdbc.Query<Visita> forCustomerQuery(UUID tenantId, long customerId, Long vendedorId, int limit) {
        // Plain SQL: a customer's page asks it on every view, and jOOQ's rendering cost more than the query.
        return new dev.mostrador.platform.db.Jdbc.Query<>("SELECT v.id, v.customer_id, c.name, c.address, c.city, c.phone, v.vendedor_id, u.name,"
                        + " v.planned_at, v.status, v.outcome, v.notes, v.next_action, v.next_action_date, v.done_at, v.created_at"
                        + " FROM public.visitas v JOIN public.customers c ON c.tenant_id = v.tenant_id AND c.id = v.customer_id"
                        + " JOIN public.users u ON u.tenant_id = v.tenant_id AND u.id = v.vendedor_id"
                        + " WHERE v.tenant_id = ? AND v.customer_id = ? AND (?::bigint IS NULL OR v.vendedor_id = ?::bigint)"
                        + " ORDER BY v.planned_at DESC, v.id DESC LIMIT ?",
                r -> new Visita(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6), r.getLong(7),
                        r.getString(8), r.getObject(9, OffsetDateTime.class), r.getString(10), r.getString(11), r.getString(12), r.getString(13),
                        r.getObject(14, java.time.LocalDate.class), r.getObject(15, OffsetDateTime.class), r.getObject(16, OffsetDateTime.class)),
                tenantId, customerId, vendedorId, vendedorId, limit);
    }

    /** Each customer's latest recorded outcome of a visit planned before {@code before}, by any vendedor. */
    public Map<Long, LastOutcome> lastOutcomes(UUID tenantId, Collection<Long> customerIds, OffsetDateTime before) {
        Map<Long, LastOutcome> last = new HashMap<>();
        if (customerIds.isEmpty()) return last;
        dsl.select(VISITAS.CUSTOMER_ID, VISITAS.OUTCOME, VISITAS.PLANNED_AT).distinctOn(VISITAS.CUSTOMER_ID).from(VISITAS)
                .where(VISITAS.TENANT_ID.eq(tenantId), VISITAS.CUSTOMER_ID.in(customerIds), VISITAS.STATUS.eq(Visita.DONE),
                        VISITAS.PLANNED_AT.lt(before))
                .orderBy(VISITAS.CUSTOMER_ID, VISITAS.PLANNED_AT.desc(), VISITAS.ID.desc())
                .forEach(r -> last.put(r.value1(), new LastOutcome(r.value2(), r.value3())));
        return last;
    }

    /** Per vendedor, the visits planned in [from, to): how many, how many done, and each outcome. */
    public List<VisitSummary.Row> summary(UUID tenantId, Long vendedorId, OffsetDateTime from, OffsetDateTime to) {
        Condition c = VISITAS.TENANT_ID.eq(tenantId).and(VISITAS.PLANNED_AT.ge(from)).and(VISITAS.PLANNED_AT.lt(to));
        if (vendedorId != null) c = c.and(VISITAS.VENDEDOR_ID.eq(vendedorId));
        return dsl.select(VISITAS.VENDEDOR_ID, USERS.NAME, DSL.count(),
                        DSL.count().filterWhere(VISITAS.STATUS.eq(Visita.DONE)),
                        DSL.count().filterWhere(VISITAS.OUTCOME.eq(VisitOutcomes.VENTA)),
                        DSL.count().filterWhere(VISITAS.OUTCOME.eq(VisitOutcomes.SIN_VENTA)),
                        DSL.count().filterWhere(VISITAS.OUTCOME.eq(VisitOutcomes.NO_ESTABA)),
                        DSL.count().filterWhere(VISITAS.OUTCOME.eq(VisitOutcomes.REPROGRAMAR)))
                .from(VISITAS).join(USERS).on(USERS.TENANT_ID.eq(VISITAS.TENANT_ID), USERS.ID.eq(VISITAS.VENDEDOR_ID))
                .where(c).groupBy(VISITAS.VENDEDOR_ID, USERS.NAME).orderBy(DSL.lower(USERS.NAME), VISITAS.VENDEDOR_ID)
                .fetch(r -> new VisitSummary.Row(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8()));
    }

    /** The tenant's active users, vendedores first, then by name: who a visit can be planned for. */
    public List<VisitVendedor> vendedores(UUID tenantId) {
        return dsl.select(USERS.ID, USERS.NAME, USERS.ROLE).from(USERS).where(USERS.TENANT_ID.eq(tenantId), USERS.ACTIVE.isTrue())
                .orderBy(DSL.when(USERS.ROLE.eq("vendedor"), 0).otherwise(1), DSL.lower(USERS.NAME), USERS.ID).limit(500)
                .fetch(r -> new VisitVendedor(r.value1(), r.value2(), r.value3()));
    }

    public boolean activeUser(UUID tenantId, long userId) {
        return dsl.fetchExists(USERS, USERS.TENANT_ID.eq(tenantId), USERS.ID.eq(userId), USERS.ACTIVE.isTrue());
    }

    public boolean customerExists(UUID tenantId, long customerId) {
        return dsl.fetchExists(CUSTOMERS, CUSTOMERS.TENANT_ID.eq(tenantId), CUSTOMERS.ID.eq(customerId));
    }

    private SelectOnConditionStep<Record> select() {
        return dsl.select(VISITAS.fields()).select(CUSTOMERS.NAME, CUSTOMERS.ADDRESS, CUSTOMERS.CITY, CUSTOMERS.PHONE, USERS.NAME)
                .from(VISITAS)
                .join(CUSTOMERS).on(CUSTOMERS.TENANT_ID.eq(VISITAS.TENANT_ID), CUSTOMERS.ID.eq(VISITAS.CUSTOMER_ID))
                .join(USERS).on(USERS.TENANT_ID.eq(VISITAS.TENANT_ID), USERS.ID.eq(VISITAS.VENDEDOR_ID));
    }

    private static Visita toVisita(Record r) {
        return new Visita(r.get(VISITAS.ID), r.get(VISITAS.CUSTOMER_ID), r.get(CUSTOMERS.NAME), r.get(CUSTOMERS.ADDRESS), r.get(CUSTOMERS.CITY),
                r.get(CUSTOMERS.PHONE), r.get(VISITAS.VENDEDOR_ID), r.get(USERS.NAME), r.get(VISITAS.PLANNED_AT), r.get(VISITAS.STATUS),
                r.get(VISITAS.OUTCOME), r.get(VISITAS.NOTES), r.get(VISITAS.NEXT_ACTION), r.get(VISITAS.NEXT_ACTION_DATE),
                r.get(VISITAS.DONE_AT), r.get(VISITAS.CREATED_AT));
    }
}
