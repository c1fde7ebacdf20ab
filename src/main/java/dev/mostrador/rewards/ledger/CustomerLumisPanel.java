package dev.mostrador.rewards.ledger;

import dev.mostrador.customers.Customer;
import dev.mostrador.customers.CustomerPageParts;
import dev.mostrador.rewards.redemptions.RedemptionRepository;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.PageContext;
import dev.mostrador.platform.web.RequestMemo;
import dev.mostrador.rewards.redemptions.Redemption;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;

import java.util.UUID;

/** The rewards' part of a customer's page: the redeem button, the lümis form, the redemptions and the ledger. */
public final class CustomerLumisPanel implements CustomerPageParts {
    private final Web web;
    private final Templates templates;
    private final LedgerRepository ledger;
    private final RedemptionRepository redemptions;

    public CustomerLumisPanel(Web web, Templates templates, LedgerRepository ledger, RedemptionRepository redemptions) {
        this.web = web;
        this.templates = templates;
        this.ledger = ledger;
        this.redemptions = redemptions;
    }

    @Override
    public Parts of(Context ctx, Customer customer) {
        return of(ctx, customer, LumisInput.blank(), FieldErrors.none());
    }

    /** With the lümis form as typed and its errors (after a 422). */
    Parts of(Context ctx, Customer customer, LumisInput lumis, FieldErrors errors) {
        UUID tenantId = Web.user(ctx).tenantId();
        PageContext page = web.page(ctx);
        return new Parts(templates.rewardsLedgerCustomerActions(page, customer.id()),
                templates.rewardsLedgerCustomerPanel(page, customer.id(), CustomerLumisTimeline.ledger(ctx, ledger, customer.id(), LedgerView.LIST_ROWS),
                        RequestMemo.firstRows(ctx, redemptions(ctx, customer.id()), LedgerView.LIST_ROWS), lumis, errors));
    }

    @Override
    public void readAhead(Context ctx, long customerId) {
        RequestMemo.readAhead(ctx, CustomerLumisTimeline.read(ctx, ledger, customerId));
        RequestMemo.readAhead(ctx, redemptions(ctx, customerId));
    }

    private RequestMemo.Read<Redemption> redemptions(Context ctx, long customerId) {
        UUID tenantId = Web.user(ctx).tenantId();
        return new RequestMemo.Read<>(ledger.dsl(), "redemptions.customer:" + customerId, LedgerView.LIST_ROWS,
                n -> RedemptionRepository.forCustomerQuery(tenantId, customerId, n));
    }
}
