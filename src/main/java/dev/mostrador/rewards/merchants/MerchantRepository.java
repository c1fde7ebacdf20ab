package dev.mostrador.rewards.merchants;

import dev.mostrador.db.rewards.tables.records.MerchantsRecord;
import dev.mostrador.platform.db.Cursors;
import dev.mostrador.platform.db.Like;
import dev.mostrador.platform.web.Sorting;
import dev.mostrador.platform.web.ListSort;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.mostrador.db.rewards.Tables.MERCHANTS;
import static dev.mostrador.db.rewards.Tables.USER_REDEMPTIONS;

public final class MerchantRepository {
    private final DSLContext dsl;

    public MerchantRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public record Fields(String name, String type, String email, String phone, String webhookUrl, boolean active) {}

    public UUID create(UUID tenantId, Fields f, MerchantKeys.NewKey key) {
        return dsl.insertInto(MERCHANTS).set(MERCHANTS.TENANT_ID, tenantId).set(values(f))
                .set(MERCHANTS.API_KEY_PREFIX, key.prefix()).set(MERCHANTS.API_KEY_HASH, key.hash())
                .returning(MERCHANTS.MERCHANT_ID).fetchOne().getMerchantId();
    }

    public boolean update(UUID tenantId, UUID id, Fields f) {
        return dsl.update(MERCHANTS).set(values(f)).set(MERCHANTS.UPDATED_AT, OffsetDateTime.now())
                .where(MERCHANTS.TENANT_ID.eq(tenantId), MERCHANTS.MERCHANT_ID.eq(id)).execute() == 1;
    }

    public boolean rotateKey(UUID tenantId, UUID id, MerchantKeys.NewKey key) {
        return dsl.update(MERCHANTS).set(MERCHANTS.API_KEY_PREFIX, key.prefix()).set(MERCHANTS.API_KEY_HASH, key.hash())
                .set(MERCHANTS.UPDATED_AT, OffsetDateTime.now())
                .where(MERCHANTS.TENANT_ID.eq(tenantId), MERCHANTS.MERCHANT_ID.eq(id)).execute() == 1;
    }

    public Optional<Merchant> find(UUID tenantId, UUID id) {
        return dsl.selectFrom(MERCHANTS).where(MERCHANTS.TENANT_ID.eq(tenantId), MERCHANTS.MERCHANT_ID.eq(id))
                .fetchOptional(MerchantRepository::toMerchant);
    }

    /** For key checks: the merchant (any tenant) whose key has this public prefix, with its hash. */
    public Optional<MerchantsRecord> findByKeyPrefix(String prefix) {
        return dsl.selectFrom(MERCHANTS).where(MERCHANTS.API_KEY_PREFIX.eq(prefix)).fetchOptional();
    }

    /**
     * Active merchants whose key has no public prefix (inserted as seed 001 does): a legacy key is
     * tried against each, one bcrypt apiece, so there may be only a few.
     */
    public List<MerchantsRecord> legacyKeyHolders(int max) {
        return dsl.selectFrom(MERCHANTS).where(MERCHANTS.API_KEY_PREFIX.isNull(), MERCHANTS.IS_ACTIVE.isTrue())
                .orderBy(MERCHANTS.CREATED_AT, MERCHANTS.MERCHANT_ID).limit(max).fetch();
    }

    public boolean nameTaken(UUID tenantId, String name, UUID exceptId) {
        Condition c = MERCHANTS.TENANT_ID.eq(tenantId).and(DSL.lower(MERCHANTS.MERCHANT_NAME).eq(name.trim().toLowerCase()));
        if (exceptId != null) c = c.and(MERCHANTS.MERCHANT_ID.ne(exceptId));
        return dsl.fetchExists(MERCHANTS, c);
    }

    public List<Merchant> search(UUID tenantId, String query, int limit, int offset) {
        return search(tenantId, query, ListSort.NONE, limit, offset);
    }

    public List<Merchant> search(UUID tenantId, String query, ListSort sort, int limit, int offset) {
        return dsl.selectFrom(MERCHANTS).where(filter(tenantId, query)).orderBy(order(sort))
                .limit(limit).offset(offset).fetch(MerchantRepository::toMerchant);
    }

    /** Every merchant of the filter in the list's order, read by batches (the CSV export). */
    public void each(UUID tenantId, String query, ListSort sort, java.util.function.Consumer<Merchant> action) {
        Cursors.each(dsl, tx -> tx.selectFrom(MERCHANTS).where(filter(tenantId, query)).orderBy(order(sort)), r -> action.accept(toMerchant(r)));
    }

    /** The list's sortable columns; with none asked for, the active ones first, by name. */
    static final Map<String, org.jooq.Field<?>> SORTS = Map.of("name", DSL.lower(MERCHANTS.MERCHANT_NAME), "type", MERCHANTS.MERCHANT_TYPE,
            "active", MERCHANTS.IS_ACTIVE, "redemptions", MERCHANTS.TOTAL_REDEMPTIONS, "lumis", MERCHANTS.TOTAL_LUMIS_REDEEMED);

    private static List<org.jooq.SortField<?>> order(ListSort sort) {
        return Sorting.orderBy(sort, SORTS, MERCHANTS.MERCHANT_ID, List.of(MERCHANTS.IS_ACTIVE.desc(),
                DSL.lower(MERCHANTS.MERCHANT_NAME).asc(), MERCHANTS.MERCHANT_ID.asc()));
    }

    private static Condition filter(UUID tenantId, String query) {
        Condition c = MERCHANTS.TENANT_ID.eq(tenantId);
        return query == null || query.isBlank() ? c : c.and(DSL.lower(MERCHANTS.MERCHANT_NAME).like(Like.containing(query)));
    }

    public int count(UUID tenantId, String query) {
        return dsl.fetchCount(MERCHANTS, filter(tenantId, query));
    }

    /** Confirmations per day over the last {@code days} days (every day present, zeros included), in the tenant's zone. */
    public Map<LocalDate, Integer> confirmationsPerDay(UUID tenantId, UUID merchantId, ZoneId zone, int days) {
        LocalDate today = LocalDate.now(zone);
        Map<LocalDate, Integer> perDay = new LinkedHashMap<>();
        for (int i = days - 1; i >= 0; i--) perDay.put(today.minusDays(i), 0);
        // The zone is inlined (a quoted literal): as a bind value it would appear twice, and PostgreSQL
        // could not tell that the GROUP BY expression is the selected one.
        var day = DSL.field("({0} AT TIME ZONE {1})::date", LocalDate.class, USER_REDEMPTIONS.VALIDATED_AT, DSL.inline(zone.getId()));
        dsl.select(day, DSL.count()).from(USER_REDEMPTIONS)
                .where(USER_REDEMPTIONS.TENANT_ID.eq(tenantId), USER_REDEMPTIONS.VALIDATED_BY_MERCHANT_ID.eq(merchantId),
                        USER_REDEMPTIONS.VALIDATED_AT.ge(today.minusDays(days - 1).atStartOfDay(zone).toOffsetDateTime()))
                .groupBy(day)
                .forEach(r -> perDay.computeIfPresent(r.value1(), (k, v) -> r.value2()));
        return perDay;
    }

    private static Map<org.jooq.Field<?>, Object> values(Fields f) {
        Map<org.jooq.Field<?>, Object> v = new java.util.HashMap<>();
        v.put(MERCHANTS.MERCHANT_NAME, f.name());
        v.put(MERCHANTS.MERCHANT_TYPE, blank(f.type()));
        v.put(MERCHANTS.CONTACT_EMAIL, blank(f.email()));
        v.put(MERCHANTS.CONTACT_PHONE, blank(f.phone()));
        v.put(MERCHANTS.WEBHOOK_URL, blank(f.webhookUrl()));
        v.put(MERCHANTS.IS_ACTIVE, f.active());
        return v;
    }

    static Merchant toMerchant(MerchantsRecord r) {
        return new Merchant(r.getMerchantId(), r.getMerchantName(), r.getMerchantType(), r.getContactEmail(), r.getContactPhone(),
                r.getApiKeyPrefix(), r.getWebhookUrl(), r.getIsActive(), r.getTotalRedemptions(), r.getTotalLumisRedeemed(), r.getCreatedAt());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
