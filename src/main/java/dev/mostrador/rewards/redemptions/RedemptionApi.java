package dev.mostrador.rewards.redemptions;

import dev.mostrador.customers.Customer;
import dev.mostrador.customers.CustomerRepository;
import dev.mostrador.platform.web.Idempotency;
import dev.mostrador.platform.web.IdempotentApi;
import dev.mostrador.rewards.common.RewardsApiSupport;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Redemptions over /api/v1/rewards: spend lümis on an offer, look a redemption up, cancel it; a customer's redemptions. */
public final class RedemptionApi {
    private static final Role[] WRITERS = {Role.ADMIN, Role.OFICINA};
    private final CustomerRepository customers;
    private final RedemptionRepository redemptions;
    private final AuditTrailRepository auditTrail;
    private final RedemptionService service;
    private final RewardsApiSupport support;

    public RedemptionApi(CustomerRepository customers, RedemptionRepository redemptions, AuditTrailRepository auditTrail,
                         RedemptionService service, RewardsApiSupport support) {
        this.customers = customers;
        this.redemptions = redemptions;
        this.auditTrail = auditTrail;
        this.service = service;
        this.support = support;
    }

    public void register(Routes routes) {
        String base = "/api/v1/rewards";
        routes.get(base + "/customers/{id}/redemptions", this::customerRedemptions, Role.STAFF)
                .post(base + "/redemptions", this::redeem, Role.STAFF)
                .get(base + "/redemptions/{id}", this::show, Role.STAFF)
                .post(base + "/redemptions/{id}/cancel", this::cancel, WRITERS);
    }

    /** Spend: {"customer_id", "offer_id"} → the redemption with its code and QR URLs. */
    private void redeem(Context ctx) {
        CurrentUser me = Web.user(ctx);
        JsonInput json = JsonInput.read(ctx);
        if (json == null) return;
        Long customerId = json.longValue("customer_id");
        UUID offerId = uuid(json, "offer_id");
        if (customerId == null && !json.errors().containsKey("customer_id")) json.error("customer_id", "required");
        if (!json.errors().isEmpty()) {
            Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", json.errors());
            return;
        }
        support.idempotent(ctx, me.tenantId(), tx -> {
            try {
                Redemption r = service.redeem(tx, me.tenant(), customerId, offerId, support.audit(ctx));
                return IdempotentApi.response(201, RedemptionJson.redemption(r));
            } catch (RedemptionService.Refused refused) {
                return refusal(refused);
            }
        });
    }

    private void show(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Redemption r = redemptions.find(me.tenantId(), PathParams.uuid(ctx, "id")).orElseThrow(NotFoundResponse::new);
        Map<String, Object> body = new LinkedHashMap<>(RedemptionJson.redemption(r));
        body.put("audit", auditTrail.forRedemption(me.tenantId(), r.id()).stream().map(RedemptionJson::audit).toList());
        Web.json(ctx, HttpStatus.OK, body);
    }

    private void cancel(Context ctx) {
        CurrentUser me = Web.user(ctx);
        UUID id = PathParams.uuid(ctx, "id");
        support.idempotent(ctx, me.tenantId(), tx -> {
            try {
                return IdempotentApi.response(200, RedemptionJson.redemption(service.cancel(tx, me.tenant(), id, support.audit(ctx))));
            } catch (RedemptionService.Refused refused) {
                return refusal(refused);
            }
        });
    }

    static Idempotency.Response refusal(RedemptionService.Refused refused) {
        switch (refused.code) {
            case "customer_not_found":
                return IdempotentApi.error(422, "validation_failed", Map.of("customer_id", "no such customer"));
            case "offer_not_found":
                return IdempotentApi.error(422, "validation_failed", Map.of("offer_id", "no such offer"));
            case "not_found":
                return IdempotentApi.error(404, "not_found", null);
            default:
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", refused.code);
                if (refused.redemption != null) body.put("redemption", RedemptionJson.redemption(refused.redemption));
                return IdempotentApi.response(409, body);
        }
    }

    private void customerRedemptions(Context ctx) {
        List<Redemption> list = redemptions.forCustomer(Web.user(ctx).tenantId(), PathParams.id(ctx, "id"), 100);
        // Rows are the tenant's own customer's (the query is tenant scoped): only an empty list needs the 404 check.
        if (list.isEmpty()) load(ctx);
        Web.json(ctx, HttpStatus.OK, list.stream().map(RedemptionJson::redemption).toList());
    }

    private Customer load(Context ctx) {
        return customers.find(Web.user(ctx).tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    static UUID uuid(JsonInput json, String field) {
        JsonNode n = json.node().get(field);
        if (n == null || n.isNull()) {
            json.error(field, "required");
            return null;
        }
        try {
            return UUID.fromString(n.asText());
        } catch (IllegalArgumentException e) {
            json.error(field, "must be a UUID");
            return null;
        }
    }
}
