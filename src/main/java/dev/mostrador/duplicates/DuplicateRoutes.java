package dev.mostrador.duplicates;

import dev.mostrador.customers.CustomerMerges;
import dev.mostrador.customers.CustomerRoutes;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import org.jooq.DSLContext;

import java.util.HashMap;
import java.util.Map;

/** Clientes duplicados: the likely pairs, a merge's preview (side by side, per field) and the merge itself (admins and oficina). */
public final class DuplicateRoutes {
    public static final String BASE = CustomerRoutes.BASE + "/duplicados";
    /** A customer's merge with another (?con=the other's id): its preview, and the merge. */
    public static final String MERGE = CustomerRoutes.BASE + "/{id}/fusionar";
    static final int PAGE_GROUPS = 25;

    private final Web web;
    private final Templates templates;
    private final DSLContext dsl;
    private final CustomerMerger merger = new CustomerMerger();

    public DuplicateRoutes(Web web, Templates templates, DSLContext dsl) {
        this.web = web;
        this.templates = templates;
        this.dsl = dsl;
    }

    /** Before the customers' routes: "duplicados" is not a customer id. */
    public void register(Routes routes) {
        routes.get(BASE, this::list, CustomerRoutes.WRITERS)
                .get(MERGE, this::preview, CustomerRoutes.WRITERS)
                .post(MERGE, this::merge, CustomerRoutes.WRITERS);
    }

    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        DuplicateRule rule = DuplicateRule.of(ctx.queryParam("regla")).orElse(DuplicateRule.EMAIL);
        String after = ctx.queryParam("desde");
        if (after != null && after.length() > 300) after = null;
        DuplicateRepository.Page page = new DuplicateRepository(dsl).find(me.tenantId(), rule, after, PAGE_GROUPS);
        web.render(ctx, templates.duplicatesList(web.page(ctx), rule, page.pairs(), after != null && !after.isEmpty(), page.next()));
    }

    private void preview(Context ctx) {
        Pair p = pair(ctx, ctx.queryParam("con"));
        if (p == null) {
            // Which other customer was not said: the list of likely pairs is where one is picked.
            ctx.redirect(BASE, HttpStatus.SEE_OTHER);
            return;
        }
        long winner = "b".equals(ctx.queryParam("ganador")) ? p.b() : p.a();
        render(ctx, p, winner, Map.of(), HttpStatus.OK, null);
    }

    private void merge(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Pair p = pair(ctx, ctx.formParam("con"));
        if (p == null) throw new NotFoundResponse();
        String pick = ctx.formParam("ganador");
        if (!"a".equals(pick) && !"b".equals(pick)) {
            render(ctx, p, p.a(), sides(ctx), HttpStatus.UNPROCESSABLE_CONTENT, "ganador");
            return;
        }
        long winner = pick.equals("a") ? p.a() : p.b(), loser = winner == p.a() ? p.b() : p.a();
        try {
            CustomerMerger.Result r = dsl.transactionResult(cfg -> merger.merge(cfg.dsl(), me.tenantId(), winner, loser, sides(ctx), me.userId()));
            web.redirectWithFlash(ctx, CustomerRoutes.BASE + "/" + r.winnerId(), Web.messages(ctx).t("merge.done", r.loserId(),
                    r.moved().values().stream().mapToLong(Long::longValue).sum()));
        } catch (MergeRefused e) {
            // A second click of the button (or a reload of the POST): the loser is merged already, so show where it went.
            var merged = e.status == 404 ? CustomerMerges.of(dsl, me.tenantId(), loser) : java.util.Optional.<CustomerMerges.MergedInto>empty();
            if (merged.isPresent()) {
                ctx.redirect(CustomerRoutes.BASE + "/" + merged.get().winnerId(), HttpStatus.SEE_OTHER);
                return;
            }
            if (e.status == 404) throw new NotFoundResponse();
            web.flashError(ctx, p.url(), Web.messages(ctx).t("merge.refused." + e.error));
        }
    }

    private void render(Context ctx, Pair p, long winner, Map<String, String> sides, HttpStatus status, String error) {
        CurrentUser me = Web.user(ctx);
        long loser = winner == p.a() ? p.b() : p.a();
        MergePreview preview = MergePreview.of(dsl, merger, me.tenantId(), p.a(), p.b(), winner, loser, sides).orElseThrow(NotFoundResponse::new);
        web.render(ctx, status, templates.duplicatesPreview(web.page(ctx), preview, error));
    }

    /** The field choices of the form: field_name=winner|loser. */
    private static Map<String, String> sides(Context ctx) {
        Map<String, String> sides = new HashMap<>();
        for (String f : MergeFields.NAMES) {
            String v = ctx.formParam("field_" + f);
            if ("winner".equals(v) || "loser".equals(v)) sides.put(f, v);
        }
        return sides;
    }

    private record Pair(long a, long b) {
        String url() {
            return CustomerRoutes.BASE + "/" + a + "/fusionar?con=" + b;
        }
    }

    /** The customer of the path (404 unless the tenant's) and the other one named; null when none is named. */
    private Pair pair(Context ctx, String other) {
        long a = PathParams.id(ctx, "id");
        if (MergeFields.read(dsl, Web.user(ctx).tenantId(), a).isEmpty()) throw new NotFoundResponse();
        if (other == null || other.isBlank()) return null;
        long b;
        try {
            b = Long.parseLong(other.trim());
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
        if (a == b || b <= 0) throw new NotFoundResponse();
        return new Pair(a, b);
    }
}
