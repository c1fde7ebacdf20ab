package dev.mostrador.rewards;

import dev.mostrador.db.rewards.tables.Merchants;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SelectOnConditionStep;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.mostrador.db.public_.Tables.CUSTOMERS;
import static dev.mostrador.db.rewards.Tables.MERCHANTS;
import static dev.mostrador.db.rewards.Tables.REDEMPTION_AUDIT_LOG;
import static dev.mostrador.db.rewards.Tables.REDEMPTION_OFFERS;
import static dev.mostrador.db.rewards.Tables.USER_REDEMPTIONS;

/** Reads of redemptions, with the names their pages show; writes live in {@link RedemptionService}. */
public final class RedemptionRepository {
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
     * The hottest query of the app (every landing page, look-up and confirmation), so its SQL is
     * rendered once: building and rendering this five-table join on each call took more CPU than
     * PostgreSQL took to run it.
     */
    public Optional<Redemption> findByCode(DSLContext ctx, String code) {
        return ctx.resultQuery(BY_CODE_SQL, code).coerce(BY_CODE_FIELDS).fetchOptional(RedemptionRepository::toRedemption);
    }

    private static final Select<Record> BY_CODE = select(DSL.using(SQLDialect.POSTGRES))
            .where(USER_REDEMPTIONS.REDEMPTION_CODE.eq(DSL.param("code", String.class)));
    private static final String BY_CODE_SQL = BY_CODE.getSQL(ParamType.INDEXED);
    private static final Field<?>[] BY_CODE_FIELDS = BY_CODE.getSelect().toArray(Field[]::new);

    public Optional<Redemption> findByCode(String code) {
        return findByCode(dsl, code);
    }

    public List<Redemption> forCustomer(UUID tenantId, long customerId, int limit) {
        return select(dsl).where(USER_REDEMPTIONS.TENANT_ID.eq(tenantId), USER_REDEMPTIONS.USER_ID.eq(customerId))
                .orderBy(USER_REDEMPTIONS.CREATED_AT.desc(), USER_REDEMPTIONS.REDEMPTION_ID.desc()).limit(limit)
                .fetch(RedemptionRepository::toRedemption);
    }

    /** The codes a merchant confirmed, the latest first (index idx_redemptions_merchant). */
    public List<Redemption> confirmedBy(UUID tenantId, UUID merchantId, int limit) {
        return select(dsl).where(USER_REDEMPTIONS.TENANT_ID.eq(tenantId), USER_REDEMPTIONS.VALIDATED_BY_MERCHANT_ID.eq(merchantId))
                .orderBy(USER_REDEMPTIONS.VALIDATED_AT.desc(), USER_REDEMPTIONS.REDEMPTION_ID.desc()).limit(limit)
                .fetch(RedemptionRepository::toRedemption);
    }

    /** List filters; null = any. {@code before} is the keyset cursor (created_at, id) of the last row shown. */
    public record Filter(String status, UUID merchantId, UUID offerId, OffsetDateTime from, OffsetDateTime to) {}

    public record Cursor(OffsetDateTime createdAt, UUID id) {}

    /** Newest first, keyset-paginated: fast on millions of rows at any depth. */
    public List<Redemption> search(UUID tenantId, Filter f, Cursor before, int limit) {
        Condition c = USER_REDEMPTIONS.TENANT_ID.eq(tenantId);
        if (f.status() != null) c = c.and(USER_REDEMPTIONS.REDEMPTION_STATUS.eq(f.status()));
        if (f.merchantId() != null) c = c.and(REDEMPTION_OFFERS.MERCHANT_ID.eq(f.merchantId()).or(USER_REDEMPTIONS.VALIDATED_BY_MERCHANT_ID.eq(f.merchantId())));
        if (f.offerId() != null) c = c.and(USER_REDEMPTIONS.OFFER_ID.eq(f.offerId()));
        if (f.from() != null) c = c.and(USER_REDEMPTIONS.CREATED_AT.ge(f.from()));
        if (f.to() != null) c = c.and(USER_REDEMPTIONS.CREATED_AT.lt(f.to()));
        if (before != null) {
            c = c.and(DSL.row(USER_REDEMPTIONS.CREATED_AT, USER_REDEMPTIONS.REDEMPTION_ID).lt(before.createdAt(), before.id()));
        }
        return select(dsl).where(c).orderBy(USER_REDEMPTIONS.CREATED_AT.desc(), USER_REDEMPTIONS.REDEMPTION_ID.desc())
                .limit(limit).fetch(RedemptionRepository::toRedemption);
    }

    public record AuditEntry(long id, String action, String actorType, String actorId, String ip, String userAgent,
                             Map<String, Object> metadata, OffsetDateTime at) {}

    public List<AuditEntry> audit(UUID tenantId, UUID redemptionId) {
        return dsl.select(REDEMPTION_AUDIT_LOG.LOG_ID, REDEMPTION_AUDIT_LOG.ACTION, REDEMPTION_AUDIT_LOG.ACTOR_TYPE,
                        REDEMPTION_AUDIT_LOG.ACTOR_ID, DSL.field("host({0})", String.class, REDEMPTION_AUDIT_LOG.IP_ADDRESS),
                        REDEMPTION_AUDIT_LOG.USER_AGENT, REDEMPTION_AUDIT_LOG.METADATA, REDEMPTION_AUDIT_LOG.CREATED_AT)
                .from(REDEMPTION_AUDIT_LOG)
                .where(REDEMPTION_AUDIT_LOG.TENANT_ID.eq(tenantId), REDEMPTION_AUDIT_LOG.REDEMPTION_ID.eq(redemptionId))
                .orderBy(REDEMPTION_AUDIT_LOG.LOG_ID)
                .fetch(r -> new AuditEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        parse(r.value7()), r.value8()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(org.jooq.JSONB json) {
        try {
            return json == null ? Map.of() : new com.fasterxml.jackson.databind.ObjectMapper().readValue(json.data(), Map.class);
        } catch (Exception e) {
            return Map.of();
        }
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
