package dev.mostrador.rewards;

import dev.mostrador.customers.CustomerPageParts;
import dev.mostrador.customers.CustomerRepository;
import dev.mostrador.customers.CustomerRoutes;
import dev.mostrador.platform.web.IdempotentApi;
import dev.mostrador.rewards.common.AuditWriter;
import dev.mostrador.rewards.common.RewardsApiSupport;
import dev.mostrador.rewards.ledger.CustomerLumisPanel;
import dev.mostrador.rewards.ledger.CustomerLumisRoutes;
import dev.mostrador.rewards.ledger.LedgerRepository;
import dev.mostrador.rewards.ledger.LedgerRoutes;
import dev.mostrador.rewards.ledger.LumisAdjustments;
import dev.mostrador.rewards.ledger.LumisApi;
import dev.mostrador.rewards.merchants.FailedKeys;
import dev.mostrador.rewards.merchants.MerchantAccess;
import dev.mostrador.rewards.merchants.MerchantAdminApi;
import dev.mostrador.rewards.merchants.MerchantKeys;
import dev.mostrador.rewards.merchants.MerchantRepository;
import dev.mostrador.rewards.merchants.MerchantRoutes;
import dev.mostrador.rewards.offers.AvailableOffers;
import dev.mostrador.rewards.offers.RewardOfferApi;
import dev.mostrador.rewards.offers.RewardOfferRepository;
import dev.mostrador.rewards.offers.RewardOfferRoutes;
import dev.mostrador.rewards.redemptions.AuditTrailRepository;
import dev.mostrador.rewards.redemptions.Confirmations;
import dev.mostrador.rewards.redemptions.LandingRoutes;
import dev.mostrador.rewards.redemptions.MerchantActivityPanel;
import dev.mostrador.rewards.redemptions.MerchantApi;
import dev.mostrador.rewards.redemptions.MerchantCodeRoutes;
import dev.mostrador.rewards.redemptions.MerchantPortalRoutes;
import dev.mostrador.rewards.redemptions.RedemptionApi;
import dev.mostrador.rewards.redemptions.RedemptionRepository;
import dev.mostrador.rewards.redemptions.RedemptionRoutes;
import dev.mostrador.rewards.redemptions.RedemptionService;
import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.jobs.Jobs;
import dev.mostrador.platform.metrics.BusinessEvents;
import dev.mostrador.platform.tenants.TenantCache;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import org.jooq.DSLContext;

import java.time.Duration;

/**
 * Wires the rewards program's rooms (merchants, offers, redemptions, ledger over common): builds
 * the repositories and services once and hands each route class what it uses. No room sees this class.
 */
public final class RewardsModule implements AutoCloseable {
    private final Config config;
    private final Web web;
    private final Templates templates;
    private final TenantCache tenants;
    private final IdempotentApi idempotentApi;
    private final CustomerRepository customers;
    private final MerchantRepository merchants;
    private final RewardOfferRepository offers;
    private final RedemptionRepository redemptions;
    private final AuditTrailRepository auditTrail;
    private final LedgerRepository ledger;
    private final RedemptionService service;
    private final LumisAdjustments adjustments;
    private final MerchantAccess access;
    private final AuditWriter auditWriter;
    private final Confirmations confirmations;
    private final RewardsApiSupport support;
    private final RewardsJobs jobs;
    private final AvailableOffers availableOffers = new AvailableOffers();
    private final CustomerLumisPanel customerPanel;

    public RewardsModule(DSLContext dsl, Config config, Web web, Templates templates, TenantCache tenants,
                         CustomerRepository customers, IdempotentApi idempotentApi, BusinessEvents events) {
        this.config = config;
        this.web = web;
        this.templates = templates;
        this.tenants = tenants;
        this.idempotentApi = idempotentApi;
        this.customers = customers;
        merchants = new MerchantRepository(dsl);
        offers = new RewardOfferRepository(dsl);
        redemptions = new RedemptionRepository(dsl);
        auditTrail = new AuditTrailRepository(dsl);
        ledger = new LedgerRepository(dsl);
        service = new RedemptionService(dsl, ledger, redemptions, config.baseUrl(), availableOffers, events);
        adjustments = new LumisAdjustments(dsl, ledger);
        access = new MerchantAccess(dsl, merchants, new MerchantKeys(), new FailedKeys(web.rateLimits()));
        auditWriter = new AuditWriter(dsl);
        confirmations = new Confirmations(dsl, redemptions, auditWriter, events);
        support = new RewardsApiSupport(idempotentApi, web);
        jobs = new RewardsJobs(dsl);
        customerPanel = new CustomerLumisPanel(web, templates, ledger, redemptions);
    }

    /** The lümis, redemptions and ledger on a customer's page (customers know no rewards). */
    public CustomerPageParts customerPageParts() {
        return customerPanel;
    }

    /** The lümis movements on a customer's timeline. */
    public dev.mostrador.customers.CustomerTimeline customerTimeline() {
        return new dev.mostrador.rewards.ledger.CustomerLumisTimeline(ledger);
    }

    /**
     * Busiest first (see App): points of sale, customers' phones, then the staff's API and pages.
     * {@code customerPages}: the customers' pages, which the lümis pages extend.
     */
    public void register(Routes routes, CustomerRoutes customerPages) {
        MerchantApi.UnknownCodeGuard guard = new MerchantApi.UnknownCodeGuard(config.unknownCodesPerMinute(), confirmations, web);
        new MerchantApi(access, confirmations, support, guard).register(routes);
        new LandingRoutes(web, templates, tenants, redemptions, service, config.codeLookupsPerMinute()).register(routes);
        MerchantPortalRoutes portal = new MerchantPortalRoutes(web, templates, tenants, access, redemptions);
        portal.register(routes);
        new MerchantCodeRoutes(web, support, confirmations, portal, guard).register(routes);
        new LumisApi(customers, ledger, adjustments, support).register(routes);
        new RedemptionApi(customers, redemptions, auditTrail, service, support).register(routes);
        new RewardOfferApi(offers, availableOffers, merchants, support).register(routes);
        new MerchantAdminApi(merchants, access, support).register(routes);
        new MerchantRoutes(web, templates, merchants, access, new MerchantActivityPanel(templates, redemptions, auditTrail)).register(routes);
        new RewardOfferRoutes(web, templates, offers, merchants, availableOffers).register(routes);
        new CustomerLumisRoutes(web, templates, offers, service, adjustments, customerPages, customerPanel).register(routes);
        new RedemptionRoutes(web, templates, redemptions, merchants, offers, service, auditTrail).register(routes);
        new LedgerRoutes(web, templates, ledger).register(routes);
    }

    public void schedule(Jobs scheduler) {
        scheduler.everyCountingRows("expire-redemptions", Duration.ofMinutes(1), () -> {
            int expired = jobs.expireRedemptions();
            if (expired > 0) availableOffers.changedAll(); // expired codes went back to stock
            return expired;
        });
        scheduler.everyCountingRows("purge-rewards-audit", Duration.ofDays(7),
                () -> jobs.purgeAudit(config.auditRetentionDays()) + idempotentApi.purgeOlderThanDays(7));
    }

    /** Writes the audit rows still queued. */
    @Override
    public void close() {
        auditWriter.close();
    }
}
