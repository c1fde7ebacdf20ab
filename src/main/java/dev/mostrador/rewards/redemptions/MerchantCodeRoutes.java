package dev.mostrador.rewards.redemptions;

import dev.mostrador.rewards.common.AuditContext;
import dev.mostrador.rewards.common.RewardsApiSupport;
import dev.mostrador.rewards.merchants.MerchantAccess;
import dev.mostrador.platform.tenants.Tenant;
import dev.mostrador.platform.web.Format;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * The merchant portal's code form: POST /comercio/verificar looks a typed code (or a pasted
 * landing URL) up, POST /comercio/confirmar confirms it. Each answer has its own status: 404
 * unknown, 403 another merchant's, 409 already confirmed, expired or cancelled, 429 after too
 * many unknown codes (the same guard, audit rows included, as the merchant API).
 */
public final class MerchantCodeRoutes {
    private final Web web;
    private final RewardsApiSupport support;
    private final Confirmations confirmations;
    private final MerchantPortalRoutes portal;
    private final MerchantApi.UnknownCodeGuard guard;

    public MerchantCodeRoutes(Web web, RewardsApiSupport support, Confirmations confirmations, MerchantPortalRoutes portal,
                              MerchantApi.UnknownCodeGuard guard) {
        this.web = web;
        this.support = support;
        this.confirmations = confirmations;
        this.portal = portal;
        this.guard = guard;
    }

    public void register(Routes routes) {
        routes.post("/comercio/verificar", ctx -> handle(ctx, false))
                .post("/comercio/confirmar", ctx -> handle(ctx, true));
    }

    private void handle(Context ctx, boolean confirm) {
        Optional<MerchantAccess.SignedInMerchant> signedIn = portal.current(ctx);
        if (signedIn.isEmpty()) {
            web.flashError(ctx, "/comercio", Web.messages(ctx).t("rewards.portal.session_ended"));
            return;
        }
        MerchantAccess.SignedInMerchant m = signedIn.get();
        Tenant tenant = portal.tenant(m);
        Messages messages = Web.messages(ctx, tenant);
        AuditContext audit = support.audit(ctx, m.merchantId(), "web");
        String typed = ctx.formParam("code") == null ? "" : ctx.formParam("code").trim();
        if (guard.exceeded(ctx, m, audit)) {
            portal.show(ctx, m, tenant, "", PortalVerdict.blocked(messages));
            return;
        }
        if (typed.isEmpty()) {
            portal.show(ctx, m, tenant, "", PortalVerdict.empty(messages));
            return;
        }
        Optional<String> code = Codes.normalize(typed);
        Confirmations.Check check;
        if (code.isEmpty()) {
            check = new Confirmations.Check("unknown", null);
        } else if (confirm) {
            check = confirmations.confirm(m, code.get(), audit);
        } else {
            check = confirmations.lookup(m, code.get(), audit);
        }
        boolean unknown = "unknown".equals(check.verdict());
        if (unknown) guard.unknown(ctx, m, audit, typed);
        // An unknown code stays in the field to be corrected; after any other answer the field is ready for the next one.
        portal.show(ctx, m, tenant, unknown ? typed : "", PortalVerdict.of(check, messages, tenant.zone(), new Format(tenant)));
    }
}
