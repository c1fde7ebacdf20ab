package dev.mostrador.rewards.redemptions;

import dev.mostrador.rewards.common.AuditContext;
import dev.mostrador.rewards.offers.AvailableOffers;
import dev.mostrador.platform.metrics.BusinessEvents;
import dev.mostrador.platform.tenants.Tenant;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.exception.DataAccessException;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static dev.mostrador.db.public_.Tables.CUSTOMERS;
import static dev.mostrador.db.rewards.Tables.REDEMPTION_OFFERS;
import static dev.mostrador.db.rewards.Tables.USER_REDEMPTIONS;

/**
 * Spending lümis, cancelling and confirming codes. Every race is settled by the database: a
 * conditional UPDATE takes one unit of stock, the balance CHECK refuses an overdraft, and a
 * conditional UPDATE confirms a code once. Locks are always taken in the same order
 * (redemption, offer, customer), so concurrent cancels, expiries and redemptions never deadlock.
 */
public final class RedemptionService {
    private final DSLContext dsl;
    private final LumisPostings ledger;
    private final RedemptionRepository redemptions;
    private final String baseUrl;
    private final AvailableOffers available;
    private final BusinessEvents.Counter issued;

    public RedemptionService(DSLContext dsl, LumisPostings ledger, RedemptionRepository redemptions, String baseUrl,
                             AvailableOffers available, BusinessEvents events) {
        this.dsl = dsl;
        this.issued = events.counter("mostrador.redemptions.issued", "Redemption codes issued (lümis spent)");
        this.available = available;
        this.ledger = ledger;
        this.redemptions = redemptions;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Why an operation did not happen; {@code code} is stable for the API, the pages translate it. */
    public static final class Refused extends RuntimeException {
        public final String code;
        public final Redemption redemption;

        public Refused(String code, Redemption redemption) {
            super(code, null, false, false);
            this.code = code;
            this.redemption = redemption;
        }
    }

    public String landingUrl(String code) {
        return baseUrl + "/r/" + code;
    }

    public String qrImageUrl(String code) {
        return baseUrl + "/r/" + code + "/qr.svg";
    }

    /** Debits the ledger, takes one unit of stock and issues a code; throws {@link Refused}. */
    public Redemption redeem(Tenant tenant, long customerId, UUID offerId, AuditContext audit) {
        return redeem(dsl, tenant, customerId, offerId, audit);
    }

    public Redemption redeem(DSLContext ctx, Tenant tenant, long customerId, UUID offerId, AuditContext audit) {
        for (int attempt = 0; ; attempt++) {
            try {
                UUID id = ctx.transactionResult(cfg -> issue(cfg.dsl(), tenant.id(), customerId, offerId, audit));
                available.changed(tenant.id()); // one unit less in stock
                issued.increment();
                return redemptions.find(ctx, tenant.id(), id).orElseThrow();
            } catch (DataAccessException e) {
                // A fresh random code that already exists (50 bits: astronomically rare): draw again.
                if (attempt < 3 && "23505".equals(e.sqlState()) && String.valueOf(e.getMessage()).contains("idx_redemptions_code")) continue;
                if ("23514".equals(e.sqlState()) && String.valueOf(e.getMessage()).contains("lumis_balance")) throw new Refused("insufficient_balance", null);
                throw e;
            }
        }
    }

    private UUID issue(DSLContext tx, UUID tenantId, long customerId, UUID offerId, AuditContext audit) {
        audit.applyTo(tx);
        if (!tx.fetchExists(CUSTOMERS, CUSTOMERS.TENANT_ID.eq(tenantId), CUSTOMERS.ID.eq(customerId))) {
            throw new Refused("customer_not_found", null);
        }
        OffsetDateTime now = OffsetDateTime.now();
        Record3<Integer, Integer, Integer> taken = tx.update(REDEMPTION_OFFERS)
                .set(REDEMPTION_OFFERS.STOCK_QUANTITY, REDEMPTION_OFFERS.STOCK_QUANTITY.minus(1))
                .where(REDEMPTION_OFFERS.TENANT_ID.eq(tenantId), REDEMPTION_OFFERS.OFFER_ID.eq(offerId),
                        REDEMPTION_OFFERS.IS_ACTIVE.isTrue(), REDEMPTION_OFFERS.VALID_FROM.le(now),
                        REDEMPTION_OFFERS.VALID_TO.isNull().or(REDEMPTION_OFFERS.VALID_TO.gt(now)),
                        REDEMPTION_OFFERS.STOCK_QUANTITY.isNull().or(REDEMPTION_OFFERS.STOCK_QUANTITY.gt(0)))
                .returningResult(REDEMPTION_OFFERS.LUMIS_COST, REDEMPTION_OFFERS.CODE_LIFETIME_HOURS, REDEMPTION_OFFERS.STOCK_QUANTITY)
                .fetchOne();
        if (taken == null) throw new Refused(whyUnavailable(tx, tenantId, offerId, now), null);
        int cost = taken.value1();
        UUID id = UUID.randomUUID();
        String code = Codes.random();
        tx.insertInto(USER_REDEMPTIONS)
                .set(USER_REDEMPTIONS.REDEMPTION_ID, id).set(USER_REDEMPTIONS.TENANT_ID, tenantId)
                .set(USER_REDEMPTIONS.USER_ID, customerId).set(USER_REDEMPTIONS.OFFER_ID, offerId)
                .set(USER_REDEMPTIONS.LUMIS_SPENT, cost).set(USER_REDEMPTIONS.REDEMPTION_CODE, code)
                .set(USER_REDEMPTIONS.QR_LANDING_URL, landingUrl(code)).set(USER_REDEMPTIONS.QR_IMAGE_URL, qrImageUrl(code))
                .set(USER_REDEMPTIONS.CODE_EXPIRES_AT, now.plusHours(taken.value2()))
                .execute();
        ledger.append(tx, tenantId, customerId, -cost, "redeem", "Canje de " + Codes.display(code), id, null);
        return id;
    }

    private static String whyUnavailable(DSLContext tx, UUID tenantId, UUID offerId, OffsetDateTime now) {
        var offer = tx.selectFrom(REDEMPTION_OFFERS).where(REDEMPTION_OFFERS.TENANT_ID.eq(tenantId), REDEMPTION_OFFERS.OFFER_ID.eq(offerId)).fetchOne();
        if (offer == null) return "offer_not_found";
        if (!offer.getIsActive()) return "offer_inactive";
        if (offer.getValidFrom().isAfter(now) || (offer.getValidTo() != null && !offer.getValidTo().isAfter(now))) return "offer_out_of_window";
        return "out_of_stock";
    }

    /** Refunds the lümis and returns the unit to stock; only a pending code can be cancelled. */
    public Redemption cancel(Tenant tenant, UUID redemptionId, AuditContext audit) {
        return cancel(dsl, tenant, redemptionId, audit);
    }

    public Redemption cancel(DSLContext ctx, Tenant tenant, UUID redemptionId, AuditContext audit) {
        ctx.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            audit.applyTo(tx);
            var row = tx.update(USER_REDEMPTIONS)
                    .set(USER_REDEMPTIONS.REDEMPTION_STATUS, "cancelled").set(USER_REDEMPTIONS.UPDATED_AT, OffsetDateTime.now())
                    .where(USER_REDEMPTIONS.TENANT_ID.eq(tenant.id()), USER_REDEMPTIONS.REDEMPTION_ID.eq(redemptionId),
                            USER_REDEMPTIONS.REDEMPTION_STATUS.eq("pending"))
                    .returningResult(USER_REDEMPTIONS.OFFER_ID, USER_REDEMPTIONS.USER_ID, USER_REDEMPTIONS.LUMIS_SPENT)
                    .fetchOne();
            if (row == null) {
                Optional<Redemption> current = redemptions.find(tx, tenant.id(), redemptionId);
                throw new Refused(current.isEmpty() ? "not_found" : "already_" + current.get().status(), current.orElse(null));
            }
            tx.update(REDEMPTION_OFFERS).set(REDEMPTION_OFFERS.STOCK_QUANTITY, REDEMPTION_OFFERS.STOCK_QUANTITY.plus(1))
                    .where(REDEMPTION_OFFERS.TENANT_ID.eq(tenant.id()), REDEMPTION_OFFERS.OFFER_ID.eq(row.value1()),
                            REDEMPTION_OFFERS.STOCK_QUANTITY.isNotNull())
                    .execute();
            ledger.append(tx, tenant.id(), row.value2(), row.value3(), "refund", "Canje anulado", redemptionId, null);
        });
        available.changed(tenant.id()); // the unit is back in stock
        return redemptions.find(ctx, tenant.id(), redemptionId).orElseThrow();
    }
}
