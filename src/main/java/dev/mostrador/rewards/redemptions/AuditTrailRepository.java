package dev.mostrador.rewards.redemptions;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.mostrador.db.public_.Tables.USERS;
import static dev.mostrador.db.rewards.Tables.MERCHANTS;
import static dev.mostrador.db.rewards.Tables.REDEMPTION_AUDIT_LOG;
import static dev.mostrador.db.rewards.Tables.USER_REDEMPTIONS;

/** Reads the rewards audit log: a redemption's history, a merchant's latest activity. */
public final class AuditTrailRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final dev.mostrador.db.rewards.tables.Merchants ACTOR_MERCHANT = MERCHANTS.as("actor_merchant");
    private final DSLContext dsl;

    public AuditTrailRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Oldest first: a story told in order. */
    public List<AuditEntry> forRedemption(UUID tenantId, UUID redemptionId) {
        return select(REDEMPTION_AUDIT_LOG.REDEMPTION_ID.eq(redemptionId), tenantId)
                // By time, not by id: look-up rows are written in batches a few milliseconds after the fact.
                .orderBy(REDEMPTION_AUDIT_LOG.CREATED_AT, REDEMPTION_AUDIT_LOG.LOG_ID)
                .fetch(AuditTrailRepository::toEntry);
    }

    /** Newest first: what the merchant's key or portal did lately, failed look-ups and blocks included (V012's index). */
    public List<AuditEntry> byMerchant(UUID tenantId, UUID merchantId, int limit) {
        return select(REDEMPTION_AUDIT_LOG.ACTOR_TYPE.eq("merchant").and(REDEMPTION_AUDIT_LOG.ACTOR_ID.eq(merchantId.toString())), tenantId)
                .orderBy(REDEMPTION_AUDIT_LOG.CREATED_AT.desc(), REDEMPTION_AUDIT_LOG.LOG_ID.desc())
                .limit(limit)
                .fetch(AuditTrailRepository::toEntry);
    }

    private SelectConditionStep<Record> select(Condition which, UUID tenantId) {
        var log = REDEMPTION_AUDIT_LOG;
        SelectOnConditionStep<Record> from = dsl.select(List.<SelectFieldOrAsterisk>of(log.LOG_ID, log.ACTION, log.ACTOR_TYPE, log.ACTOR_ID,
                        DSL.coalesce(USERS.NAME, ACTOR_MERCHANT.MERCHANT_NAME).as("actor_name"),
                        DSL.field("host({0})", String.class, log.IP_ADDRESS).as("ip"), log.USER_AGENT, log.METADATA, log.CREATED_AT,
                        log.REDEMPTION_ID, USER_REDEMPTIONS.REDEMPTION_CODE))
                .from(log)
                // Staff are written by e-mail and merchants by id (AuditContext): the page names them.
                .leftJoin(USERS).on(log.ACTOR_TYPE.eq("user"), USERS.TENANT_ID.eq(log.TENANT_ID), DSL.lower(USERS.EMAIL).eq(DSL.lower(log.ACTOR_ID)))
                .leftJoin(ACTOR_MERCHANT).on(log.ACTOR_TYPE.eq("merchant"), ACTOR_MERCHANT.TENANT_ID.eq(log.TENANT_ID),
                        ACTOR_MERCHANT.MERCHANT_ID.cast(String.class).eq(log.ACTOR_ID))
                .leftJoin(USER_REDEMPTIONS).on(USER_REDEMPTIONS.TENANT_ID.eq(log.TENANT_ID), USER_REDEMPTIONS.REDEMPTION_ID.eq(log.REDEMPTION_ID));
        return from.where(log.TENANT_ID.eq(tenantId), which);
    }

    private static AuditEntry toEntry(Record r) {
        var log = REDEMPTION_AUDIT_LOG;
        return new AuditEntry(r.get(log.LOG_ID), r.get(log.ACTION), r.get(log.ACTOR_TYPE), r.get(log.ACTOR_ID),
                r.get("actor_name", String.class), r.get("ip", String.class), r.get(log.USER_AGENT), parse(r.get(log.METADATA)),
                r.get(log.CREATED_AT), r.get(log.REDEMPTION_ID), r.get(USER_REDEMPTIONS.REDEMPTION_CODE));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(JSONB json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json.data(), Map.class);
        } catch (Exception e) {
            return Map.of();
        }
    }
}
