package dev.mostrador.rewards;

import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.jobs.Jobs;
import dev.mostrador.platform.tenants.TenantCache;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import org.jooq.DSLContext;

import java.time.Duration;

/** Wires the rewards program: repositories, services, the JSON API, the pages and the jobs. */
public final class RewardsModule implements AutoCloseable {
    private final TenantCache tenants;
    private final CustomerRepository customers;
    private final MerchantRepository merchants;
    private final RewardOfferRepository offers;
    private final RedemptionRepository redemptions;
    private final AuditTrailRepository auditTrail;
    private final RedemptionService service;
    private final MerchantAccess access;
    private final Confirmations confirmations;
    private final RewardsApiSupport support;
    private final RewardsJobs jobs;
    private final Idempotency idempotency;
    private final LedgerRepository ledger;
    private final AuditWriter auditWriter;
    private final AvailableOffers availableOffers = new AvailableOffers();
    private final Config config;
    private final Web web;
    private final Templates templates;

    public RewardsModule(DSLContext dsl, Config config, Web web, Templates templates, TenantCache tenants) {
        this.config = config;
        this.web = web;
        this.templates = templates;
        this.tenants = tenants;
        customers = new CustomerRepository(dsl);
        merchants = new MerchantRepository(dsl);
        offers = new RewardOfferRepository(dsl);
        redemptions = new RedemptionRepository(dsl);
        auditTrail = new AuditTrailRepository(dsl);
        ledger = new LedgerRepository(dsl);
        service = new RedemptionService(dsl, customers, redemptions, config.baseUrl(), availableOffers);
        access = new MerchantAccess(dsl, merchants, new MerchantKeys());
        confirmations = new Confirmations(dsl, redemptions, auditWriter = new AuditWriter(dsl));
        idempotency = new Idempotency(dsl);
        support = new RewardsApiSupport(idempotency, web);
        jobs = new RewardsJobs(dsl);
    }

    /** Busiest first (see App): points of sale, customers' phones, then the staff's API and pages. */
    public void register(Routes routes) {
        MerchantApi.UnknownCodeGuard guard = new MerchantApi.UnknownCodeGuard(config.unknownCodesPerMinute(), confirmations, web);
        new MerchantApi(access, confirmations, support, guard).register(routes);
        new RewardsPublicRoutes(this, guard).register(routes);
        new RewardsCustomerApi(customers, redemptions, auditTrail, service, support).register(routes);
        new RewardsCatalogApi(offers, availableOffers, merchants, access, support).register(routes);
        new RewardsAdminRoutes(this).register(routes);
    }

    public void schedule(Jobs scheduler) {
        scheduler.every("expire-redemptions", Duration.ofMinutes(1), () -> {
            if (jobs.expireRedemptions() > 0) availableOffers.changedAll(); // expired codes went back to stock
        });
        scheduler.every("purge-rewards-audit", Duration.ofDays(7), () -> {
            jobs.purgeAudit(config.auditRetentionDays());
            idempotency.purgeOlderThanDays(7);
        });
    }

    /** Writes the audit rows still queued. */
    @Override
    public void close() {
        auditWriter.close();
    }

    public TenantCache tenants() { return tenants; }
    public CustomerRepository customers() { return customers; }
    public MerchantRepository merchants() { return merchants; }
    public RewardOfferRepository offers() { return offers; }
    public AvailableOffers availableOffers() { return availableOffers; }
    public RedemptionRepository redemptions() { return redemptions; }
    public AuditTrailRepository auditTrail() { return auditTrail; }
    public LedgerRepository ledger() { return ledger; }
    public RedemptionService service() { return service; }
    public MerchantAccess access() { return access; }
    public Confirmations confirmations() { return confirmations; }
    public RewardsApiSupport support() { return support; }
    public RewardsJobs jobs() { return jobs; }
    public Config config() { return config; }
    public Web web() { return web; }
    public Templates templates() { return templates; }
}
