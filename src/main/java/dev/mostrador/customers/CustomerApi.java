package dev.mostrador.customers;

import dev.mostrador.platform.web.IdempotentApi;
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


/** Customers over /api/v1/rewards (bearer token, Idempotency-Key on POST): the JSON twin of the customers' pages. */
public final class CustomerApi {
    private static final Messages EN = Messages.of("en");
    private final CustomerRepository customers;
    private final IdempotentApi api;

    public CustomerApi(CustomerRepository customers, IdempotentApi api) {
        this.customers = customers;
        this.api = api;
    }

    public void register(Routes routes) {
        String base = "/api/v1/rewards";
        routes.get(base + "/customers", this::list, Role.STAFF)
                .post(base + "/customers", this::create, CustomerRoutes.WRITERS)
                .get(base + "/customers/{id}", ctx -> Web.json(ctx, HttpStatus.OK, CustomerJson.customer(load(ctx))), Role.STAFF)
                .put(base + "/customers/{id}", this::update, CustomerRoutes.WRITERS);
    }

    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        String q = ctx.queryParam("q");
        ctx.header("X-Total-Count", String.valueOf(customers.count(me.tenantId(), q)));
        Web.json(ctx, HttpStatus.OK, customers.search(me.tenantId(), q, 100, 0).stream().map(CustomerJson::customer).toList());
    }

    private void create(Context ctx) {
        CurrentUser me = Web.user(ctx);
        JsonInput json = JsonInput.read(ctx);
        if (json == null) return;
        api.idempotent(ctx, me.tenantId(), tx -> {
            CustomerInput input = CustomerInput.fromJson(json);
            FieldErrors errors = input.validate(EN);
            json.errors().forEach(errors::set);
            if (errors.isEmpty() && customers.emailTaken(me.tenantId(), input.email(), null)) errors.add("email", "is already used by another customer");
            if (!errors.isEmpty()) return IdempotentApi.error(422, "validation_failed", errors.all());
            long id = new CustomerRepository(tx).create(me.tenantId(), input.name(), input.email(), input.phone());
            return IdempotentApi.response(201, CustomerJson.customer(new CustomerRepository(tx).find(me.tenantId(), id).orElseThrow()));
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
        Web.json(ctx, HttpStatus.OK, CustomerJson.customer(customers.find(me.tenantId(), id).orElseThrow()));
    }

    private Customer load(Context ctx) {
        return customers.find(Web.user(ctx).tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }
}
