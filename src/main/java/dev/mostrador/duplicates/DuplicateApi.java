package dev.mostrador.duplicates;

import dev.mostrador.customers.CustomerRoutes;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.web.IdempotentApi;
import dev.mostrador.platform.web.JsonInput;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON twin: GET /api/v1/rewards/customers/duplicates?rule=email|telefono|rut|nombre&after=…
 * and POST /api/v1/rewards/customers/merge {winner_id, loser_id, from_loser: ["email", …]} with an
 * Idempotency-Key (a replay answers the first merge's result and merges nothing).
 */
public final class DuplicateApi {
    private static final String BASE = "/api/v1/rewards/customers";
    private final DuplicateRepository duplicates;
    private final IdempotentApi api;
    private final CustomerMerger merger = new CustomerMerger();

    public DuplicateApi(DuplicateRepository duplicates, IdempotentApi api) {
        this.duplicates = duplicates;
        this.api = api;
    }

    /** Before the customers' API: "duplicates" and "merge" are not customer ids. */
    public void register(Routes routes) {
        routes.get(BASE + "/duplicates", this::list, CustomerRoutes.WRITERS)
                .post(BASE + "/merge", this::merge, CustomerRoutes.WRITERS);
    }

    private void list(Context ctx) {
        String code = ctx.queryParam("rule");
        var rule = DuplicateRule.of(code == null ? "email" : code);
        if (rule.isEmpty()) {
            Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", Map.of("rule", "must be email, telefono, rut or nombre"));
            return;
        }
        String after = ctx.queryParam("after");
        if (after != null && after.length() > 300) {
            Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", Map.of("after", "at most 300 characters"));
            return;
        }
        DuplicateRepository.Page page = duplicates.find(Web.user(ctx).tenantId(), rule.get(), after, DuplicateRoutes.PAGE_GROUPS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pairs", page.pairs().stream().map(DuplicateApi::pair).toList());
        body.put("next", page.next());
        Web.json(ctx, HttpStatus.OK, body);
    }

    private void merge(Context ctx) {
        CurrentUser me = Web.user(ctx);
        JsonInput json = JsonInput.read(ctx);
        if (json == null) return;
        Long winner = json.longValue("winner_id"), loser = json.longValue("loser_id");
        Map<String, String> errors = new LinkedHashMap<>(json.errors());
        if (winner == null) errors.putIfAbsent("winner_id", "is required: a customer id");
        if (loser == null) errors.putIfAbsent("loser_id", "is required: a customer id");
        Map<String, String> sides = new HashMap<>();
        var fromLoser = json.node().get("from_loser");
        if (fromLoser != null && !fromLoser.isNull()) {
            if (!fromLoser.isArray()) errors.put("from_loser", "must be a list of fields: " + MergeFields.NAMES);
            else fromLoser.forEach(f -> {
                if (!f.isTextual() || !MergeFields.NAMES.contains(f.asText())) errors.put("from_loser", "each must be one of " + MergeFields.NAMES);
                else sides.put(f.asText(), "loser");
            });
        }
        if (!errors.isEmpty()) {
            Web.jsonError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", errors);
            return;
        }
        api.idempotent(ctx, me.tenantId(), tx -> {
            try {
                CustomerMerger.Result r = merger.merge(tx, me.tenantId(), winner, loser, sides, me.userId());
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("merge_id", r.mergeId());
                body.put("winner_id", r.winnerId());
                body.put("loser_id", r.loserId());
                body.put("moved", r.moved());
                body.put("dropped", r.dropped());
                return IdempotentApi.response(200, body);
            } catch (MergeRefused e) {
                return IdempotentApi.error(e.status, e.error, e.fields);
            }
        });
    }

    private static Map<String, Object> pair(DuplicatePair p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", p.rule().code);
        m.put("key", p.key());
        m.put("customers", List.of(side(p.a()), side(p.b())));
        return m;
    }

    private static Map<String, Object> side(DuplicatePair.Side s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("email", s.email());
        m.put("phone", s.phone());
        m.put("tax_id", s.taxId());
        m.put("city", s.city());
        return m;
    }
}
