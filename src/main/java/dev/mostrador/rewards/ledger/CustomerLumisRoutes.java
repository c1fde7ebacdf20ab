package dev.mostrador.rewards.ledger;

import dev.mostrador.customers.Customer;
import dev.mostrador.customers.CustomerRoutes;
import dev.mostrador.rewards.common.RewardsPages;
import dev.mostrador.rewards.offers.RewardOfferRepository;
import dev.mostrador.rewards.redemptions.Redemption;
import dev.mostrador.rewards.redemptions.RedemptionRoutes;
import dev.mostrador.rewards.redemptions.RedemptionService;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Format;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A customer's lümis from the pages: credit or debit by hand, and redeem a reward on their behalf. */
public final class CustomerLumisRoutes {
    private final Web web;
    private final Templates templates;
    private final CustomerRoutes customerPages;
    private final CustomerLumisPanel panel;
    private final RewardOfferRepository offers;
    private final RedemptionService service;
    private final LumisAdjustments adjustments;

    public CustomerLumisRoutes(Web web, Templates templates, RewardOfferRepository offers, RedemptionService service, LumisAdjustments adjustments, CustomerRoutes customerPages,
                               CustomerLumisPanel panel) {
        this.web = web;
        this.templates = templates;
        this.customerPages = customerPages;
        this.panel = panel;
        this.offers = offers;
        this.service = service;
        this.adjustments = adjustments;
    }

    public void register(Routes routes) {
        routes.post(CustomerRoutes.BASE + "/{id}/lumis", this::adjust, RewardsPages.WRITERS)
                .get(CustomerRoutes.BASE + "/{id}/canjear", this::choose, Role.STAFF)
                .post(CustomerRoutes.BASE + "/{id}/canjear", this::redeem, Role.STAFF);
    }

    /** Credit (kind earn) or debit (kind adjust, negative); the database refuses a balance below zero. */
    private void adjust(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        Customer c = customerPages.load(ctx);
        LumisInput input = LumisInput.fromForm(ctx);
        FieldErrors errors = input.validate(m);
        if (errors.isEmpty()) {
            try {
                adjustments.adjust(me.tenantId(), c.id(), input.signedAmount(), input.kind(), input.reason(), me.userId());
                long balance = customerPages.load(ctx).balance();
                web.redirectWithFlash(ctx, CustomerRoutes.BASE + "/" + c.id(), m.t(input.debit() ? "rw.lumis.debited" : "rw.lumis.credited",
                        Math.abs(input.signedAmount()), c.name(), balance));
                return;
            } catch (RedemptionService.Refused refused) {
                if (!"insufficient_balance".equals(refused.code)) throw new NotFoundResponse();
                errors.add("amount", m.t("rw.lumis.insufficient", c.balance()));
            }
        }
        customerPages.show(ctx, c, errors, panel.of(ctx, c, input, errors), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private void choose(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Customer c = customerPages.load(ctx);
        web.render(ctx, templates.rewardsLedgerCustomerRedeem(web.page(ctx), c, offers.available(me.tenantId(), OffsetDateTime.now(), 200, 0)));
    }

    /** Spends the customer's lümis on a reward; the new code (with its QR) is on the redemption's page. */
    private void redeem(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        Customer c = customerPages.load(ctx);
        String back = CustomerRoutes.BASE + "/" + c.id() + "/canjear";
        UUID offerId = RewardsPages.uuidOrNull(ctx.formParam("offer_id"));
        if (offerId == null) {
            web.flashError(ctx, back, m.t("rw.redeem.refused.offer_not_found"));
            return;
        }
        try {
            Redemption r = service.redeem(me.tenant(), c.id(), offerId, RewardsPages.audit(web, ctx));
            web.redirectWithFlash(ctx, RedemptionRoutes.BASE + "/" + r.id(), m.t("rw.redeem.done", r.displayCode(), r.offerName(), c.name()));
        } catch (RedemptionService.Refused refused) {
            web.flashError(ctx, back, m.t("rw.redeem.refused." + refused.code, c.name(), new Format(me.tenant()).number(c.balance())));
        }
    }
}
