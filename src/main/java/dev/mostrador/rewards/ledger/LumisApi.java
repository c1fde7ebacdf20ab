package dev.mostrador.rewards.ledger;

import dev.mostrador.customers.Customer;
import dev.mostrador.customers.CustomerRepository;
import dev.mostrador.platform.web.IdempotentApi;
import dev.mostrador.rewards.common.RewardsApiSupport;
import dev.mostrador.rewards.redemptions.RedemptionService;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.JsonInput;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/** A customer's lümis over /api/v1/rewards: the balance with the latest ledger rows, and earning (Idempotency-Key on POST). */
public final class LumisApi {
    private static final Role[] WRITERS = {Role.ADMIN, Role.OFICINA};
    private final CustomerRepository customers;
    private final LedgerRepository ledger;
    private final LumisAdjustments adjustments;
    private final RewardsApiSupport support;

    public LumisApi(CustomerRepository customers, LedgerRepository ledger, LumisAdjustments adjustments, RewardsApiSupport support) {
        this.customers = customers;
        this.ledger = ledger;
        this.adjustments = adjustments;
        this.support = support;
    }

    public void register(Routes routes) {
        String base = "/api/v1/rewards";
        routes.get(base + "/customers/{id}/balance", this::balance, Role.STAFF)
                .post(base + "/accumulations", this::accumulate, WRITERS);
    }

    private void balance(Context ctx) {
        Customer c = load(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer_id", c.id());
        body.put("lumis_balance", c.balance());
        body.put("ledger", ledger.forCustomer(Web.user(ctx).tenantId(), c.id(), 50).stream().map(LedgerJson::ledger).toList());
        Web.json(ctx, HttpStatus.OK, body);
    }

    /** Earn: {"customer_id", "amount" (> 0), "reason"}. */
    private void accumulate(Context ctx) {
        CurrentUser me = Web.user(ctx);
        JsonInput json = JsonInput.read(ctx);
        if (json == null) return;
        Long customerId = json.longValue("customer_id");
        Integer amount = json.integer("amount");
        String reason = json.text("reason");
        if (customerId == null && !json.errors().containsKey("customer_id")) json.error("customer_id", "required");
        if (amount == null && !json.errors().containsKey("amount")) json.error("amount", "required");
        else if (amount != null && (amount < 1 || amount > 1_000_000)) json.error("amount", "must be from 1 to 1000000");
        if (reason == null || reason.isBlank()) json.error("reason", "required");
        else if (reason.length() > 500) json.error("reason", "at most 500 characters");
        if (!json.errors().isEmpty()) {
            Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", json.errors());
            return;
        }
        support.idempotent(ctx, me.tenantId(), tx -> {
            try {
                adjustments.adjust(tx, me.tenantId(), customerId, amount, "earn", reason.trim(), me.userId());
            } catch (RedemptionService.Refused r) {
                return IdempotentApi.error(422, "validation_failed", Map.of("customer_id", "no such customer"));
            }
            Customer c = new CustomerRepository(tx).find(me.tenantId(), customerId).orElseThrow();
            return IdempotentApi.response(201, Map.of("customer_id", c.id(), "amount", amount, "lumis_balance", c.balance()));
        });
    }

    private Customer load(Context ctx) {
        return customers.find(Web.user(ctx).tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }
}
