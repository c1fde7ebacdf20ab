package dev.mostrador.rewards.ledger;

import dev.mostrador.rewards.redemptions.LumisPostings;
import dev.mostrador.platform.db.Cursors;
import dev.mostrador.platform.db.Keyset;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;


import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static dev.mostrador.db.public_.Tables.CUSTOMERS;
import static dev.mostrador.db.public_.Tables.FACT_ACCUMULATIONS;

/**
 * The lümis ledger: rows appended (the balance column on customers is moved by a trigger, whose
 * CHECK refuses to go below zero), a customer's latest rows, and the tenant's whole ledger
 * filtered by kind and time (index fact_accumulations_kind_created_idx).
 */
public final class LedgerRepository implements LumisPostings {
    private static final Keyset<Long> KEYSET = new Keyset<>(FACT_ACCUMULATIONS.CREATED_AT, FACT_ACCUMULATIONS.ID);
    public static final List<String> KINDS = List.of("earn", "redeem", "refund", "adjust");
    private final DSLContext dsl;

    public LedgerRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** Appends a ledger row; the trigger moves the balance, whose CHECK refuses to go below zero. */
    @Override
    public void append(DSLContext tx, UUID tenantId, long customerId, int amount, String kind, String reason,
                       UUID redemptionId, Long createdBy) {
        tx.insertInto(FACT_ACCUMULATIONS)
                .set(FACT_ACCUMULATIONS.TENANT_ID, tenantId).set(FACT_ACCUMULATIONS.CUSTOMER_ID, customerId)
                .set(FACT_ACCUMULATIONS.AMOUNT, amount).set(FACT_ACCUMULATIONS.KIND, kind)
                .set(FACT_ACCUMULATIONS.REASON, reason).set(FACT_ACCUMULATIONS.REDEMPTION_ID, redemptionId)
                .set(FACT_ACCUMULATIONS.CREATED_BY, createdBy)
                .execute();
    }

    /**
     * Appends a row that belongs to an order (lümis earned on delivery, taken back on a return), in
     * the order's transaction: the unique (tenant, pedido, kind) index makes each kind once per order.
     */
    public void appendForPedido(DSLContext tx, UUID tenantId, long customerId, int amount, String kind, String reason,
                                long pedidoId, Long createdBy) {
        tx.insertInto(FACT_ACCUMULATIONS)
                .set(FACT_ACCUMULATIONS.TENANT_ID, tenantId).set(FACT_ACCUMULATIONS.CUSTOMER_ID, customerId)
                .set(FACT_ACCUMULATIONS.AMOUNT, amount).set(FACT_ACCUMULATIONS.KIND, kind)
                .set(FACT_ACCUMULATIONS.REASON, reason).set(FACT_ACCUMULATIONS.PEDIDO_ID, pedidoId)
                .set(FACT_ACCUMULATIONS.CREATED_BY, createdBy)
                .execute();
    }

    /** A customer's latest rows, newest first. */
    public List<LedgerEntry> forCustomer(UUID tenantId, long customerId, int limit) {
        return dev.mostrador.platform.db.Jdbc.list(dsl, forCustomerQuery(tenantId, customerId, limit));
    }

    /** {@link #forCustomer} as a statement, to be sent with a page's other reads. */
    public static dev.mostrador.platform.db.Jdbc.Query<LedgerEntry> forCustomerQuery(UUID tenantId, long customerId, int limit) {
        // Plain SQL: a customer's page asks it on every view, and jOOQ's rendering cost more than the query.
        return new dev.mostrador.platform.db.Jdbc.Query<>("SELECT id, amount, kind, reason, redemption_id, created_at FROM public.fact_accumulations"
                        + " WHERE tenant_id = ? AND customer_id = ? ORDER BY id DESC LIMIT ?",
                r -> new LedgerEntry(r.getLong(1), r.getInt(2), r.getString(3), r.getString(4), r.getObject(5, UUID.class),
                        r.getObject(6, OffsetDateTime.class)), tenantId, customerId, limit);
    }

    /** What the balance must equal: the sum of the customer's rows. */
    public long sumFor(UUID tenantId, long customerId) {
        Long sum = dsl.select(DSL.coalesce(DSL.sum(FACT_ACCUMULATIONS.AMOUNT), java.math.BigDecimal.ZERO).cast(Long.class))
                .from(FACT_ACCUMULATIONS)
                .where(FACT_ACCUMULATIONS.TENANT_ID.eq(tenantId), FACT_ACCUMULATIONS.CUSTOMER_ID.eq(customerId))
                .fetchOne(0, Long.class);
        return sum == null ? 0 : sum;
    }

    /** kind null = any; from included, to excluded, null = open. */
    public record Filter(String kind, OffsetDateTime from, OffsetDateTime to) {}

    public record Cursor(OffsetDateTime createdAt, long id) {}

    public record Row(LedgerEntry entry, long customerId, String customerName) {}

    /** How many rows the filter holds and the sum of their amounts. */
    public record Totals(long rows, long amount) {}

    /**
     * Newest first (or oldest first), keyset-paginated on (created_at, id): {@code after} is the
     * last row shown, in the order shown.
     */
    public List<Row> search(UUID tenantId, Filter f, Cursor after, boolean oldestFirst, int limit) {
        Condition c = condition(tenantId, f);
        if (after != null) c = c.and(KEYSET.after(after.createdAt(), after.id(), oldestFirst));
        return select(dsl).where(c).orderBy(KEYSET.order(oldestFirst)).limit(limit).fetch(LedgerRepository::toRow);
    }

    /** Every row of the filter in the list's order, read by batches (the CSV export). */
    public void each(UUID tenantId, Filter f, boolean oldestFirst, Consumer<Row> action) {
        Cursors.each(dsl, tx -> select(tx).where(condition(tenantId, f)).orderBy(KEYSET.order(oldestFirst)), r -> action.accept(toRow(r)));
    }

    private static SelectOnConditionStep<Record> select(DSLContext ctx) {
        return ctx.select(FACT_ACCUMULATIONS.fields()).select(CUSTOMERS.NAME)
                .from(FACT_ACCUMULATIONS)
                .join(CUSTOMERS).on(CUSTOMERS.TENANT_ID.eq(FACT_ACCUMULATIONS.TENANT_ID), CUSTOMERS.ID.eq(FACT_ACCUMULATIONS.CUSTOMER_ID));
    }


    private static Row toRow(Record r) {
        return new Row(new LedgerEntry(r.get(FACT_ACCUMULATIONS.ID), r.get(FACT_ACCUMULATIONS.AMOUNT), r.get(FACT_ACCUMULATIONS.KIND),
                r.get(FACT_ACCUMULATIONS.REASON), r.get(FACT_ACCUMULATIONS.REDEMPTION_ID), r.get(FACT_ACCUMULATIONS.CREATED_AT)),
                r.get(FACT_ACCUMULATIONS.CUSTOMER_ID), r.get(CUSTOMERS.NAME));
    }

    /** Only over a bounded time range: an index-only scan of that range, whatever the table's size. */
    public Totals totals(UUID tenantId, Filter f) {
        var r = dsl.select(DSL.count(), DSL.coalesce(DSL.sum(FACT_ACCUMULATIONS.AMOUNT), java.math.BigDecimal.ZERO))
                .from(FACT_ACCUMULATIONS).where(condition(tenantId, f)).fetchOne();
        return new Totals(r.value1(), r.value2().longValue());
    }

    private static Condition condition(UUID tenantId, Filter f) {
        Condition c = FACT_ACCUMULATIONS.TENANT_ID.eq(tenantId);
        // Every kind named when none is chosen, so the (tenant, kind, created_at) index still bounds the time.
        c = c.and(f.kind() == null ? FACT_ACCUMULATIONS.KIND.in(KINDS) : FACT_ACCUMULATIONS.KIND.eq(f.kind()));
        if (f.from() != null) c = c.and(FACT_ACCUMULATIONS.CREATED_AT.ge(f.from()));
        if (f.to() != null) c = c.and(FACT_ACCUMULATIONS.CREATED_AT.lt(f.to()));
        return c;
    }
}
