package dev.mostrador.rewards.offers;

import dev.mostrador.platform.db.Cursors;
import dev.mostrador.platform.db.Like;
import dev.mostrador.platform.web.Sorting;
import dev.mostrador.platform.web.ListSort;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static dev.mostrador.db.rewards.Tables.MERCHANTS;
import static dev.mostrador.db.rewards.Tables.REDEMPTION_OFFERS;

public final class RewardOfferRepository {
    private final DSLContext dsl;

    public RewardOfferRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public record Fields(String name, String description, String category, int lumisCost, Integer stock, UUID merchantId,
                         boolean active, OffsetDateTime validFrom, OffsetDateTime validTo, int codeLifetimeHours) {}

    public UUID create(UUID tenantId, Fields f) {
        return dsl.insertInto(REDEMPTION_OFFERS).set(REDEMPTION_OFFERS.TENANT_ID, tenantId).set(values(f))
                .returning(REDEMPTION_OFFERS.OFFER_ID).fetchOne().getOfferId();
    }

    public boolean update(UUID tenantId, UUID id, Fields f) {
        return dsl.update(REDEMPTION_OFFERS).set(values(f)).set(REDEMPTION_OFFERS.UPDATED_AT, OffsetDateTime.now())
                .where(REDEMPTION_OFFERS.TENANT_ID.eq(tenantId), REDEMPTION_OFFERS.OFFER_ID.eq(id)).execute() == 1;
    }

    public Optional<RewardOffer> find(UUID tenantId, UUID id) {
        return select().where(REDEMPTION_OFFERS.TENANT_ID.eq(tenantId), REDEMPTION_OFFERS.OFFER_ID.eq(id))
                .fetchOptional(RewardOfferRepository::toOffer);
    }

    /** The seed's GET /offers: active, inside their window, with stock left; cheapest first. */
    public List<RewardOffer> available(UUID tenantId, OffsetDateTime now, int limit, int offset) {
        return select().where(REDEMPTION_OFFERS.TENANT_ID.eq(tenantId), REDEMPTION_OFFERS.IS_ACTIVE.isTrue(),
                        REDEMPTION_OFFERS.VALID_FROM.le(now),
                        REDEMPTION_OFFERS.VALID_TO.isNull().or(REDEMPTION_OFFERS.VALID_TO.gt(now)),
                        REDEMPTION_OFFERS.STOCK_QUANTITY.isNull().or(REDEMPTION_OFFERS.STOCK_QUANTITY.gt(0)))
                .orderBy(REDEMPTION_OFFERS.LUMIS_COST, REDEMPTION_OFFERS.NAME_FRIENDLY, REDEMPTION_OFFERS.OFFER_ID).limit(limit).offset(offset)
                .fetch(RewardOfferRepository::toOffer);
    }

    public List<RewardOffer> search(UUID tenantId, String query, int limit, int offset) {
        return search(tenantId, query, ListSort.NONE, limit, offset);
    }

    public List<RewardOffer> search(UUID tenantId, String query, ListSort sort, int limit, int offset) {
        return select(dsl).where(filter(tenantId, query)).orderBy(order(sort))
                .limit(limit).offset(offset).fetch(RewardOfferRepository::toOffer);
    }

    /** Every offer of the filter in the list's order, read by batches (the CSV export). */
    public void each(UUID tenantId, String query, ListSort sort, Consumer<RewardOffer> action) {
        Cursors.each(dsl, tx -> select(tx).where(filter(tenantId, query)).orderBy(order(sort)), r -> action.accept(toOffer(r)));
    }

    /** The list's sortable columns; with none asked for, the active ones first, by name. */
    static final Map<String, Field<?>> SORTS = Map.of("name", DSL.lower(REDEMPTION_OFFERS.NAME_FRIENDLY),
            "merchant", DSL.lower(MERCHANTS.MERCHANT_NAME), "lumis", REDEMPTION_OFFERS.LUMIS_COST,
            "stock", REDEMPTION_OFFERS.STOCK_QUANTITY, "from", REDEMPTION_OFFERS.VALID_FROM);

    private static List<SortField<?>> order(ListSort sort) {
        return Sorting.orderBy(sort, SORTS, REDEMPTION_OFFERS.OFFER_ID, List.of(REDEMPTION_OFFERS.IS_ACTIVE.desc(),
                DSL.lower(REDEMPTION_OFFERS.NAME_FRIENDLY).asc(), REDEMPTION_OFFERS.OFFER_ID.asc()));
    }

    public int count(UUID tenantId, String query) {
        return dsl.fetchCount(REDEMPTION_OFFERS, filter(tenantId, query));
    }

    private static Condition filter(UUID tenantId, String query) {
        Condition c = REDEMPTION_OFFERS.TENANT_ID.eq(tenantId);
        return query == null || query.isBlank() ? c : c.and(DSL.lower(REDEMPTION_OFFERS.NAME_FRIENDLY).like(Like.containing(query)));
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        return select(dsl);
    }

    private static org.jooq.SelectOnConditionStep<Record> select(DSLContext dsl) {
        return dsl.select(REDEMPTION_OFFERS.fields()).select(MERCHANTS.MERCHANT_NAME)
                .from(REDEMPTION_OFFERS)
                .leftJoin(MERCHANTS).on(MERCHANTS.TENANT_ID.eq(REDEMPTION_OFFERS.TENANT_ID), MERCHANTS.MERCHANT_ID.eq(REDEMPTION_OFFERS.MERCHANT_ID));
    }

    private static java.util.Map<org.jooq.Field<?>, Object> values(Fields f) {
        java.util.Map<org.jooq.Field<?>, Object> v = new java.util.HashMap<>();
        v.put(REDEMPTION_OFFERS.NAME_FRIENDLY, f.name());
        v.put(REDEMPTION_OFFERS.DESCRIPTION, f.description());
        v.put(REDEMPTION_OFFERS.OFFER_CATEGORY, f.category());
        v.put(REDEMPTION_OFFERS.LUMIS_COST, f.lumisCost());
        v.put(REDEMPTION_OFFERS.STOCK_QUANTITY, f.stock());
        v.put(REDEMPTION_OFFERS.MERCHANT_ID, f.merchantId());
        v.put(REDEMPTION_OFFERS.IS_ACTIVE, f.active());
        v.put(REDEMPTION_OFFERS.VALID_FROM, f.validFrom());
        v.put(REDEMPTION_OFFERS.VALID_TO, f.validTo());
        v.put(REDEMPTION_OFFERS.CODE_LIFETIME_HOURS, f.codeLifetimeHours());
        return v;
    }

    static RewardOffer toOffer(Record r) {
        return new RewardOffer(r.get(REDEMPTION_OFFERS.OFFER_ID), r.get(REDEMPTION_OFFERS.NAME_FRIENDLY), r.get(REDEMPTION_OFFERS.DESCRIPTION),
                r.get(REDEMPTION_OFFERS.OFFER_CATEGORY), r.get(REDEMPTION_OFFERS.LUMIS_COST), r.get(REDEMPTION_OFFERS.STOCK_QUANTITY),
                r.get(REDEMPTION_OFFERS.MERCHANT_ID), r.get(MERCHANTS.MERCHANT_NAME), r.get(REDEMPTION_OFFERS.IS_ACTIVE),
                r.get(REDEMPTION_OFFERS.VALID_FROM), r.get(REDEMPTION_OFFERS.VALID_TO), r.get(REDEMPTION_OFFERS.CODE_LIFETIME_HOURS));
    }
}
