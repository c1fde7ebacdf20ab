package dev.mostrador.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.JsonInput;
import dev.mostrador.platform.web.Messages;
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

/** Customers, their lümis and their redemptions over /api/v1/rewards (bearer token, Idempotency-Key on POST). */
public final class RewardsCustomerApi {
    private static final Messages EN = Messages.of("en");
    private static final Role[] WRITERS = {Role.ADMIN, Role.OFICINA};
    private final CustomerRepository customers;
    private final RedemptionRepository redemptions;
    private final AuditTrailRepository auditTrail;
    private final RedemptionService service;
    private final RewardsApiSupport support;

    public RewardsCustomerApi(CustomerRepository customers, RedemptionRepository redemptions, AuditTrailRepository auditTrail,
                              RedemptionService service, RewardsApiSupport support) {
        this.customers = customers;
        this.redemptions = redemptions;
        this.auditTrail = auditTrail;
        this.service = service;
        this.support = support;
    }

    public void register(Routes routes) {
        String base = "/api/v1/rewards";
        routes.get(base + "/customers", this::list, Role.STAFF)
                .post(base + "/customers", this::create, WRITERS)
                .get(base + "/customers/{id}", ctx -> Web.json(ctx, HttpStatus.OK, RewardsJson.customer(load(ctx))), Role.STAFF)
                .put(base + "/customers/{id}", this::update, WRITERS)
                .get(base + "/customers/{id}/balance", this::balance, Role.STAFF)
                .get(base + "/customers/{id}/redemptions", this::customerRedemptions, Role.STAFF)
                .post(base + "/accumulations", this::accumulate, WRITERS)
                .post(base + "/redemptions", this::redeem, Role.STAFF)
                .get(base + "/redemptions/{id}", this::show, Role.STAFF)
                .post(base + "/redemptions/{id}/cancel", this::cancel, WRITERS);
    }

    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        String q = ctx.queryParam("q");
        ctx.header("X-Total-Count", String.valueOf(customers.count(me.tenantId(), q)));
        Web.json(ctx, HttpStatus.OK, customers.search(me.tenantId(), q, 100, 0).stream().map(RewardsJson::customer).toList());
    }

    private void create(Context ctx) {
        CurrentUser me = Web.user(ctx);
        JsonInput json = JsonInput.read(ctx);
        if (json == null) return;
        support.idempotent(ctx, me.tenantId(), tx -> {
            CustomerInput input = CustomerInput.fromJson(json);
            FieldErrors errors = input.validate(EN);
            json.errors().forEach(errors::set);
            if (errors.isEmpty() && customers.emailTaken(me.tenantId(), input.email(), null)) errors.add("email", "is already used by another customer");
            if (!errors.isEmpty()) return RewardsApiSupport.error(422, "validation_failed", errors.all());
            long id = new CustomerRepository(tx).create(me.tenantId(), input.name(), input.email(), input.phone());
            return RewardsApiSupport.response(201, RewardsJson.customer(new CustomerRepository(tx).find(me.tenantId(), id).orElseThrow()));
        });
    }

    private void update(Context ctx) {
        CurrentUser me = Web.user(ctx);
        long id = load(ctx).id();
        JsonInput json = JsonInput.read(ctx);
        if (json == null) return;
        CustomerInput input = CustomerInput.fromJson(json);
        FieldErrors errors = input.validate(EN);
        json.errors().forEach(errors::set);
        if (errors.isEmpty() && customers.emailTaken(me.tenantId(), input.email(), id)) errors.add("email", "is already used by another customer");
        if (!errors.isEmpty()) {
            Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", errors.all());
            return;
        }
        customers.update(me.tenantId(), id, input.name(), input.email(), input.phone());
        Web.json(ctx, HttpStatus.OK, RewardsJson.customer(customers.find(me.tenantId(), id).orElseThrow()));
    }

    private void balance(Context ctx) {
        Customer c = load(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer_id", c.id());
        body.put("lumis_balance", c.balance());
        body.put("ledger", customers.ledger(Web.user(ctx).tenantId(), c.id(), 50).stream().map(RewardsJson::ledger).toList());
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
                service.adjust(tx, me.tenantId(), customerId, amount, "earn", reason.trim(), me.userId(), support.audit(ctx));
            } catch (RedemptionService.Refused r) {
                return RewardsApiSupport.error(422, "validation_failed", Map.of("customer_id", "no such customer"));
            }
            Customer c = new CustomerRepository(tx).find(me.tenantId(), customerId).orElseThrow();
            return RewardsApiSupport.response(201, Map.of("customer_id", c.id(), "amount", amount, "lumis_balance", c.balance()));
        });
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
                return RewardsApiSupport.response(201, RewardsJson.redemption(r));
            } catch (RedemptionService.Refused refused) {
                return refusal(refused);
            }
        });
    }

    private void show(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Redemption r = redemptions.find(me.tenantId(), PathParams.uuid(ctx, "id")).orElseThrow(NotFoundResponse::new);
        Map<String, Object> body = new LinkedHashMap<>(RewardsJson.redemption(r));
        body.put("audit", auditTrail.forRedemption(me.tenantId(), r.id()).stream().map(RewardsJson::audit).toList());
        Web.json(ctx, HttpStatus.OK, body);
    }

    private void cancel(Context ctx) {
        CurrentUser me = Web.user(ctx);
        UUID id = PathParams.uuid(ctx, "id");
        support.idempotent(ctx, me.tenantId(), tx -> {
            try {
                return RewardsApiSupport.response(200, RewardsJson.redemption(service.cancel(tx, me.tenant(), id, support.audit(ctx))));
            } catch (RedemptionService.Refused refused) {
                return refusal(refused);
            }
        });
    }

    static Idempotency.Response refusal(RedemptionService.Refused refused) {
        switch (refused.code) {
            case "customer_not_found":
                return RewardsApiSupport.error(422, "validation_failed", Map.of("customer_id", "no such customer"));
            case "offer_not_found":
                return RewardsApiSupport.error(422, "validation_failed", Map.of("offer_id", "no such offer"));
            case "not_found":
                return RewardsApiSupport.error(404, "not_found", null);
            default:
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", refused.code);
                if (refused.redemption != null) body.put("redemption", RewardsJson.redemption(refused.redemption));
                return RewardsApiSupport.response(409, body);
        }
    }

    private void customerRedemptions(Context ctx) {
        List<Redemption> list = redemptions.forCustomer(Web.user(ctx).tenantId(), PathParams.id(ctx, "id"), 100);
        // Rows are the tenant's own customer's (the query is tenant scoped): only an empty list needs the 404 check.
        if (list.isEmpty()) load(ctx);
        Web.json(ctx, HttpStatus.OK, list.stream().map(RewardsJson::redemption).toList());
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
