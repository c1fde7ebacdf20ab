package dev.mostrador.rewards.redemptions;

import dev.mostrador.db.rewards.tables.Merchants;
import dev.mostrador.platform.db.Cursors;
import dev.mostrador.platform.db.Keyset;
import dev.mostrador.platform.db.Jdbc;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.mostrador.db.public_.Tables.CUSTOMERS;
import static dev.mostrador.db.rewards.Tables.MERCHANTS;
import static dev.mostrador.db.rewards.Tables.REDEMPTION_OFFERS;
import static dev.mostrador.db.rewards.Tables.USER_REDEMPTIONS;

/** Reads of redemptions, with the names their pages show; writes live in {@link RedemptionService}. */
public final class RedemptionRepository {
    private static final Keyset<UUID> KEYSET = new Keyset<>(USER_REDEMPTIONS.CREATED_AT, USER_REDEMPTIONS.REDEMPTION_ID);
    private static final Merchants VALIDATOR = MERCHANTS.as("validator");
    private final DSLContext dsl;

    public RedemptionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Redemption> find(UUID tenantId, UUID id) {
        return find(dsl, tenantId, id);
    }

    public Optional<Redemption> find(DSLContext ctx, UUID tenantId, UUID id) {
        return select(ctx).where(USER_REDEMPTIONS.TENANT_ID.eq(tenantId), USER_REDEMPTIONS.REDEMPTION_ID.eq(id))
                .fetchOptional(RedemptionRepository::toRedemption);
    }

    /**
     * By code, in any tenant: codes are unique across tenants (the landing page has no tenant).
     * The hottest query of the app (every landing page, look-up and confirmation).
     */
    public Optional<Redemption> findByCode(DSLContext ctx, String code) {
        return fetchWithNames(ctx, BY_CODE, code).stream().findFirst();
    }

    public Optional<Redemption> findByCode(String code) {
        return findByCode(dsl, code);
    }

    /**
     * By code, as a merchant sees it: the offer, the state and the dates, without the customer's
     * or the merchants' names (a shop has no business with the customer's name), so two joins fewer
     * on every look-up.
     */
    public Optional<Redemption> findByCodeForMerchant(DSLContext ctx, String code) {
        return fetchWithNames(ctx, FOR_MERCHANT_BY_CODE, code).stream().findFirst();
    }

    public List<Redemption> forCustomer(UUID tenantId, long customerId, int limit) {
        return Jdbc.list(dsl, forCustomerQuery(tenantId, customerId, limit));
    }

    /** {@link #forCustomer} as a statement, to be sent with a page's other reads. */
    public static Jdbc.Query<Redemption> forCustomerQuery(UUID tenantId, long customerId, int limit) {
        return new Jdbc.Query<>(FOR_CUSTOMER, RedemptionRepository::read, tenantId, customerId, limit);
    }

    /*
     * The hot reads (by code, a customer's list, the confirmation's answer) are plain SQL through
     * JDBC ({@link Jdbc}). The other reads, with their filters, are built with jOOQ below.
     */

    /** A redemption ("r") with the names its pages show; {@link #read} reads a row of it. */
    static final String WITH_NAMES = columns("c.name", "m.merchant_name", "v.merchant_name");
    /** The joins of {@link #WITH_NAMES}, after a FROM that names the redemptions "r". */
    static final String NAMES = " JOIN rewards.redemption_offers o ON o.tenant_id = r.tenant_id AND o.offer_id = r.offer_id "
            + "JOIN public.customers c ON c.tenant_id = r.tenant_id AND c.id = r.user_id "
            + "LEFT JOIN rewards.merchants m ON m.tenant_id = o.tenant_id AND m.merchant_id = o.merchant_id "
            + "LEFT JOIN rewards.merchants v ON v.tenant_id = r.tenant_id AND v.merchant_id = r.validated_by_merchant_id";
    /** The same columns without the names a merchant does not see; {@link #OFFER} is its only join. */
    static final String FOR_MERCHANT = columns("NULL", "NULL", "NULL");
    static final String OFFER = " JOIN rewards.redemption_offers o ON o.tenant_id = r.tenant_id AND o.offer_id = r.offer_id";
    private static final String BY_CODE = WITH_NAMES + "FROM rewards.user_redemptions r" + NAMES + " WHERE r.redemption_code = ?";
    private static final String FOR_MERCHANT_BY_CODE = FOR_MERCHANT + "FROM rewards.user_redemptions r" + OFFER + " WHERE r.redemption_code = ?";
    private static final String FOR_CUSTOMER = WITH_NAMES + "FROM rewards.user_redemptions r" + NAMES
            + " WHERE r.tenant_id = ? AND r.user_id = ? ORDER BY r.created_at DESC, r.redemption_id DESC LIMIT ?";

    private static String columns(String customerName, String offerMerchantName, String validatorName) {
        return "SELECT r.redemption_id, r.tenant_id, r.user_id, " + customerName + " AS customer_name, r.offer_id, "
                + "o.name_friendly AS offer_name, o.merchant_id AS offer_merchant_id, " + offerMerchantName + " AS offer_merchant_name, "
                + "r.lumis_spent, r.redemption_code, r.redemption_status, r.validated_by_merchant_id, " + validatorName + " AS validator_name, "
                + "r.validated_at, r.code_expires_at, r.created_at, r.qr_landing_url, r.qr_image_url ";
    }

    /** Runs SQL whose columns are {@link #WITH_NAMES}'s (on {@code ctx}'s connection: its transaction, if any). */
    static List<Redemption> fetchWithNames(DSLContext ctx, String sql, Object... binds) {
        return Jdbc.list(ctx, sql, RedemptionRepository::read, binds);
    }

    private static Redemption read(ResultSet r) throws SQLException {
        return new Redemption(r.getObject("redemption_id", UUID.class), r.getObject("tenant_id", UUID.class), r.getLong("user_id"),
                r.getString("customer_name"), r.getObject("offer_id", UUID.class), r.getString("offer_name"),
                r.getObject("offer_merchant_id", UUID.class), r.getString("offer_merchant_name"), r.getInt("lumis_spent"),
                r.getString("redemption_code"), r.getString("redemption_status"), r.getObject("validated_by_merchant_id", UUID.class),
                r.getString("validator_name"), r.getObject("validated_at", OffsetDateTime.class),
                r.getObject("code_expires_at", OffsetDateTime.class), r.getObject("created_at", OffsetDateTime.class),
                r.getString("qr_landing_url"), r.getString("qr_image_url"));
    }

    /** A code's state alone, for the landing page's polling: one row of the unique code index, no join. */
    public record CodeState(UUID tenantId, String status, OffsetDateTime validatedAt, OffsetDateTime expiresAt) {}

    public Optional<CodeState> stateByCode(String code) {
        return Jdbc.list(dsl, STATE_BY_CODE, r -> new CodeState(r.getObject(1, UUID.class), r.getString(2),
                r.getObject(3, OffsetDateTime.class), r.getObject(4, OffsetDateTime.class)), code).stream().findFirst();
    }

    private static final String STATE_BY_CODE = "SELECT tenant_id, redemption_status, validated_at, code_expires_at "
            + "FROM rewards.user_redemptions WHERE redemption_code = ?";

    /**
     * What a merchant confirmed in [from, to), the latest first, at most {@code limit} rows, each
     * with the total count (one query on index idx_redemptions_merchant).
     */
    public record Confirmed(String code, String offerName, int lumis, OffsetDateTime at, int total) {}

    public List<Confirmed> confirmedBetween(UUID tenantId, UUID merchantId, OffsetDateTime from, OffsetDateTime to, int limit) {
        return Jdbc.list(dsl, CONFIRMED_BETWEEN, r -> new Confirmed(r.getString(1), r.getString(2), r.getInt(3),
                r.getObject(4, OffsetDateTime.class), r.getInt(5)), tenantId, merchantId, from, to, limit);
    }

    private static final String CONFIRMED_BETWEEN = "SELECT r.redemption_code, o.name_friendly, r.lumis_spent, r.validated_at, "
            + "count(*) OVER () FROM rewards.user_redemptions r" + OFFER
            + " WHERE r.tenant_id = ? AND r.validated_by_merchant_id = ? AND r.validated_at >= ? AND r.validated_at < ?"
            + " AND r.redemption_status = 'confirmed' ORDER BY r.validated_at DESC, r.redemption_id DESC LIMIT ?";

    /** The codes a merchant confirmed, the latest first (index idx_redemptions_merchant). */
    public List<Redemption> confirmedBy(UUID tenantId, UUID merchantId, int limit) {
        return select(dsl).where(USER_REDEMPTIONS.TENANT_ID.eq(tenantId), USER_REDEMPTIONS.VALIDATED_BY_MERCHANT_ID.eq(merchantId))
                .orderBy(USER_REDEMPTIONS.VALIDATED_AT.desc(), USER_REDEMPTIONS.REDEMPTION_ID.desc()).limit(limit)
                .fetch(RedemptionRepository::toRedemption);
    }

    /**
     * List filters; null = any. from/to bound the creation time, or the confirmation time when
     * {@code byConfirmation} (index idx_redemptions_validated). {@code before} is the keyset cursor
     * (created_at, id) of the last row shown.
     */
    public record Filter(String status, UUID merchantId, UUID offerId, OffsetDateTime from, OffsetDateTime to, boolean byConfirmation) {}

    public record Cursor(OffsetDateTime createdAt, UUID id) {}

    /**
     * Newest first (or oldest first), keyset-paginated: fast on millions of rows at any depth.
     * {@code after} is the last row shown, in the order shown.
     */
    public List<Redemption> search(UUID tenantId, Filter f, Cursor after, boolean oldestFirst, int limit) {
        Condition c = condition(tenantId, f);
        if (after != null) c = c.and(KEYSET.after(after.createdAt(), after.id(), oldestFirst));
        return select(dsl).where(c).orderBy(KEYSET.order(oldestFirst)).limit(limit).fetch(RedemptionRepository::toRedemption);
    }

    /** Every redemption of the filter in the list's order, read by batches (the CSV export). */
    public void each(UUID tenantId, Filter f, boolean oldestFirst, java.util.function.Consumer<Redemption> action) {
        Cursors.each(dsl, tx -> select(tx).where(condition(tenantId, f)).orderBy(KEYSET.order(oldestFirst)), r -> action.accept(toRedemption(r)));
    }

    private static Condition condition(UUID tenantId, Filter f) {
        Condition c = USER_REDEMPTIONS.TENANT_ID.eq(tenantId);
        if (f.status() != null) c = c.and(USER_REDEMPTIONS.REDEMPTION_STATUS.eq(f.status()));
        if (f.merchantId() != null) c = c.and(REDEMPTION_OFFERS.MERCHANT_ID.eq(f.merchantId()).or(USER_REDEMPTIONS.VALIDATED_BY_MERCHANT_ID.eq(f.merchantId())));
        if (f.offerId() != null) c = c.and(USER_REDEMPTIONS.OFFER_ID.eq(f.offerId()));
        var time = f.byConfirmation() ? USER_REDEMPTIONS.VALIDATED_AT : USER_REDEMPTIONS.CREATED_AT;
        if (f.byConfirmation()) c = c.and(USER_REDEMPTIONS.VALIDATED_AT.isNotNull());
        if (f.from() != null) c = c.and(time.ge(f.from()));
        if (f.to() != null) c = c.and(time.lt(f.to()));
        return c;
    }


    private static SelectOnConditionStep<Record> select(DSLContext ctx) {
        return ctx.select(USER_REDEMPTIONS.fields())
                .select(REDEMPTION_OFFERS.NAME_FRIENDLY, REDEMPTION_OFFERS.MERCHANT_ID, MERCHANTS.MERCHANT_NAME,
                        VALIDATOR.MERCHANT_NAME, CUSTOMERS.NAME)
                .from(USER_REDEMPTIONS)
                .join(REDEMPTION_OFFERS).on(REDEMPTION_OFFERS.TENANT_ID.eq(USER_REDEMPTIONS.TENANT_ID), REDEMPTION_OFFERS.OFFER_ID.eq(USER_REDEMPTIONS.OFFER_ID))
                .join(CUSTOMERS).on(CUSTOMERS.TENANT_ID.eq(USER_REDEMPTIONS.TENANT_ID), CUSTOMERS.ID.eq(USER_REDEMPTIONS.USER_ID))
                .leftJoin(MERCHANTS).on(MERCHANTS.TENANT_ID.eq(REDEMPTION_OFFERS.TENANT_ID), MERCHANTS.MERCHANT_ID.eq(REDEMPTION_OFFERS.MERCHANT_ID))
                .leftJoin(VALIDATOR).on(VALIDATOR.TENANT_ID.eq(USER_REDEMPTIONS.TENANT_ID), VALIDATOR.MERCHANT_ID.eq(USER_REDEMPTIONS.VALIDATED_BY_MERCHANT_ID));
    }

    static Redemption toRedemption(Record r) {
        return new Redemption(r.get(USER_REDEMPTIONS.REDEMPTION_ID), r.get(USER_REDEMPTIONS.TENANT_ID), r.get(USER_REDEMPTIONS.USER_ID), r.get(CUSTOMERS.NAME),
                r.get(USER_REDEMPTIONS.OFFER_ID), r.get(REDEMPTION_OFFERS.NAME_FRIENDLY), r.get(REDEMPTION_OFFERS.MERCHANT_ID),
                r.get(MERCHANTS.MERCHANT_NAME), r.get(USER_REDEMPTIONS.LUMIS_SPENT), r.get(USER_REDEMPTIONS.REDEMPTION_CODE),
                r.get(USER_REDEMPTIONS.REDEMPTION_STATUS), r.get(USER_REDEMPTIONS.VALIDATED_BY_MERCHANT_ID), r.get(VALIDATOR.MERCHANT_NAME),
                r.get(USER_REDEMPTIONS.VALIDATED_AT), r.get(USER_REDEMPTIONS.CODE_EXPIRES_AT), r.get(USER_REDEMPTIONS.CREATED_AT),
                r.get(USER_REDEMPTIONS.QR_LANDING_URL), r.get(USER_REDEMPTIONS.QR_IMAGE_URL));
    }
}
