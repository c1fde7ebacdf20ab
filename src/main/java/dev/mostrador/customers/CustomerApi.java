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

import java.util.UUID;

/**
 * Customers over /api/v1/rewards (bearer token, Idempotency-Key on POST): the JSON twin of the
 * customers' pages. The list takes the page's filters (q, status, interes, vendedor, city,
 * preferred=1, sort, dir; by name, or newest first when searching) and pages with ?after= the X-Next-Cursor of the previous answer;
 * X-Total-Count is exact up to 1,000 (X-Total-Count-Capped: true beyond).
 */
public final class CustomerApi {
    private static final Messages EN = Messages.of("en");
    private static final int PAGE_SIZE = 100;
    private final CustomerRepository customers;
    private final CustomerProfiles profiles;
    private final CustomerQuery query;
    private final CustomerChecks checks;
    private final IdempotentApi api;

    public CustomerApi(CustomerRepository customers, CustomerProfiles profiles, CustomerQuery query, IdempotentApi api) {
        this.customers = customers;
        this.profiles = profiles;
        this.query = query;
        this.checks = new CustomerChecks(customers, profiles);
        this.api = api;
    }

    public void register(Routes routes) {
        String base = "/api/v1/rewards";
        routes.get(base + "/customers", this::list, Role.STAFF)
                .post(base + "/customers", this::create, CustomerRoutes.WRITERS)
                .get(base + "/customers/{id}", ctx -> Web.json(ctx, HttpStatus.OK, json(Web.user(ctx).tenantId(), load(ctx).id())), Role.STAFF)
                .put(base + "/customers/{id}", this::update, CustomerRoutes.WRITERS);
    }

    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        CustomerQuery.Filter filter = CustomerFilters.of(ctx).toFilter();
        CustomerListRoutes.Page page = CustomerListRoutes.page(query, ctx, filter, CustomerListRoutes.sort(ctx, filter), PAGE_SIZE);
        ctx.header("X-Total-Count", String.valueOf(page.count().count()));
        if (page.count().more()) ctx.header("X-Total-Count-Capped", "true");
        if (page.next() != null) ctx.header("X-Next-Cursor", page.next());
        Web.json(ctx, HttpStatus.OK, page.rows().stream().map(r -> CustomerJson.customer(r.customer(), r.profile())).toList());
    }

    private void create(Context ctx) {
        CurrentUser me = Web.user(ctx);
        JsonInput json = JsonInput.read(ctx);
        if (json == null) return;
        String country = TaxIds.country(me.tenant().locale());
        api.idempotent(ctx, me.tenantId(), tx -> {
            CustomerInput input = CustomerInput.fromJson(json, null);
            FieldErrors errors = errors(me.tenantId(), country, input, json, null);
            if (!errors.isEmpty()) return IdempotentApi.error(422, "validation_failed", errors.all());
            try {
                long id = new CustomerProfiles(tx).create(me.tenantId(), input, input.taxIdStored(country).orElse(null), me.userId());
                Customer c = new CustomerRepository(tx).find(me.tenantId(), id).orElseThrow();
                return IdempotentApi.response(201, CustomerJson.customer(c, new CustomerProfiles(tx).find(me.tenantId(), id).orElseThrow()));
            } catch (CustomerProfiles.Taken e) {
                return IdempotentApi.error(422, "validation_failed", java.util.Map.of(e.field, CustomerRoutes.taken(EN, e.field)));
            }
        });
    }

    private void update(Context ctx) {
        CurrentUser me = Web.user(ctx);
        long id = load(ctx).id();
        JsonInput json = JsonInput.read(ctx);
        if (json == null) return;
        String country = TaxIds.country(me.tenant().locale());
        Customer current = customers.find(me.tenantId(), id).orElseThrow(NotFoundResponse::new);
        CustomerInput input = CustomerInput.fromJson(json, CustomerInput.of(current, profiles.find(me.tenantId(), id).orElseThrow(), country));
        FieldErrors errors = errors(me.tenantId(), country, input, json, id);
        if (errors.isEmpty()) {
            try {
                profiles.update(me.tenantId(), id, input, input.taxIdStored(country).orElse(null), me.userId());
            } catch (CustomerProfiles.Taken e) {
                errors.add(e.field, CustomerRoutes.taken(EN, e.field));
            }
        }
        if (!errors.isEmpty()) {
            Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", errors.all());
            return;
        }
        Web.json(ctx, HttpStatus.OK, json(me.tenantId(), id));
    }

    private FieldErrors errors(UUID tenantId, String country, CustomerInput input, JsonInput json, Long id) {
        FieldErrors errors = input.validate(EN, country);
        json.errors().forEach(errors::set);
        return errors.isEmpty() ? checks.check(tenantId, country, input, id, EN, errors) : errors;
    }

    private Object json(UUID tenantId, long id) {
        return CustomerJson.customer(customers.find(tenantId, id).orElseThrow(NotFoundResponse::new),
                profiles.find(tenantId, id).orElseThrow(NotFoundResponse::new));
    }

    private Customer load(Context ctx) {
        return customers.find(Web.user(ctx).tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }
}
