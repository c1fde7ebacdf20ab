package dev.mostrador.rewards.merchants;

import dev.mostrador.rewards.common.RewardsPages;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.BarChart;
import dev.mostrador.platform.web.CsvExport;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.ListLinks;
import dev.mostrador.platform.web.ListSort;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.PageContext;
import dev.mostrador.platform.web.Paging;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Comercios, for admins: list, create, edit, deactivate, rotate the key. A new key is shown once,
 * on the page the POST redirects to ({@link KeysToShow}: a reload shows it no more and cannot
 * post the form again); only its bcrypt hash is kept.
 */
public final class MerchantRoutes {
    static final String BASE = "/recompensas/comercios";
    private static final int PAGE_SIZE = 25;
    /** The merchant page's latest look-ups, confirmations, failed look-ups and blocks. */
    private final Web web;
    private final Templates templates;
    private final MerchantRepository merchants;
    private final MerchantActivity activity;
    private final MerchantAccess access;
    private final KeysToShow keysToShow = new KeysToShow();

    public MerchantRoutes(Web web, Templates templates, MerchantRepository merchants, MerchantAccess access,
                          MerchantActivity activity) {
        this.web = web;
        this.templates = templates;
        this.merchants = merchants;
        this.access = access;
        this.activity = activity;
    }

    public void register(Routes routes) {
        routes.get(BASE, this::list, Role.ADMIN)
                .get(BASE + ".csv", this::csv, Role.ADMIN)
                .get(BASE + "/new", ctx -> form(ctx, null, MerchantInput.blank(), FieldErrors.none(), HttpStatus.OK), Role.ADMIN)
                .post(BASE, this::create, Role.ADMIN)
                .get(BASE + "/{id}", this::show, Role.ADMIN)
                .get(BASE + "/{id}/edit", ctx -> {
                    Merchant m = load(ctx);
                    form(ctx, m, MerchantInput.of(m), FieldErrors.none(), HttpStatus.OK);
                }, Role.ADMIN)
                .post(BASE + "/{id}", this::update, Role.ADMIN)
                .get(BASE + "/{id}/deactivate", ctx -> web.render(ctx, templates.rewardsMerchantsDeactivate(web.page(ctx), load(ctx))), Role.ADMIN)
                .post(BASE + "/{id}/deactivate", this::deactivate, Role.ADMIN)
                .get(BASE + "/{id}/rotate", ctx -> web.render(ctx, templates.rewardsMerchantsRotate(web.page(ctx), load(ctx))), Role.ADMIN)
                .post(BASE + "/{id}/rotate", this::rotate, Role.ADMIN)
                .get(BASE + "/{id}/clave", this::key, Role.ADMIN);
    }

    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        String q = RewardsPages.query(ctx, "q");
        ListSort sort = ListSort.of(ctx, MerchantRepository.SORTS.keySet(), ListSort.NONE);
        Paging paging = Paging.of(ctx.queryParam("page"), PAGE_SIZE, merchants.count(me.tenantId(), q));
        web.render(ctx, templates.rewardsMerchantsList(web.page(ctx), merchants.search(me.tenantId(), q, sort, PAGE_SIZE, paging.offset()), q,
                paging, ListLinks.of(ctx, BASE, sort, "q")));
    }

    /** The list as filtered and sorted on screen, every row of it (never the keys). */
    private void csv(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        ListSort sort = ListSort.of(ctx, MerchantRepository.SORTS.keySet(), ListSort.NONE);
        CsvExport.send(ctx, me.tenant(), "comercios", List.of("id", m.t("rw.merchants.name"), m.t("rw.merchants.type"), m.t("rw.status"),
                m.t("rw.merchants.total_redemptions"), m.t("rw.merchants.total_lumis")), csv -> merchants.each(me.tenantId(),
                RewardsPages.query(ctx, "q"), sort, x -> {
                    csv.text(x.id().toString()).text(x.name()).text(x.type()).text(m.t(x.active() ? "status.active" : "status.inactive"))
                            .number(x.totalRedemptions()).number(x.totalLumisRedeemed());
                    csv.endRow();
                }));
    }

    private void create(Context ctx) {
        CurrentUser me = Web.user(ctx);
        MerchantInput input = MerchantInput.fromForm(ctx);
        FieldErrors errors = check(ctx, input, null);
        if (!errors.isEmpty()) {
            form(ctx, null, input, errors, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        MerchantKeys.NewKey key = MerchantKeys.generate();
        UUID id = merchants.create(me.tenantId(), input.fields(), key);
        showKey(ctx, merchants.find(me.tenantId(), id).orElseThrow(), key, true);
    }

    private void update(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Merchant current = load(ctx);
        MerchantInput input = MerchantInput.fromForm(ctx);
        FieldErrors errors = check(ctx, input, current.id());
        if (!errors.isEmpty()) {
            form(ctx, current, input, errors, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        merchants.update(me.tenantId(), current.id(), input.fields());
        if (!input.active()) access.revokeAll(me.tenantId(), current.id(), current.keyPrefix());
        else access.forget(current.id());
        web.redirectWithFlash(ctx, BASE + "/" + current.id(), Web.messages(ctx).t("rw.merchants.updated", input.name()));
    }

    private void deactivate(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Merchant m = load(ctx);
        MerchantInput i = MerchantInput.of(m);
        merchants.update(me.tenantId(), m.id(), new MerchantInput(i.name(), i.type(), i.email(), i.phone(), i.webhookUrl(), false).fields());
        access.revokeAll(me.tenantId(), m.id(), m.keyPrefix());
        web.redirectWithFlash(ctx, BASE + "/" + m.id(), Web.messages(ctx).t("rw.merchants.deactivated", m.name()));
    }

    private void rotate(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Merchant m = load(ctx);
        MerchantKeys.NewKey key = MerchantKeys.generate();
        merchants.rotateKey(me.tenantId(), m.id(), key);
        access.revokeAll(me.tenantId(), m.id(), m.keyPrefix());
        showKey(ctx, merchants.find(me.tenantId(), m.id()).orElseThrow(), key, false);
    }

    /** Holds the key for this browser's next page, and sends it there (post/redirect/get). */
    private void showKey(Context ctx, Merchant m, MerchantKeys.NewKey key, boolean created) {
        keysToShow.hold(ctx.cookie(Web.SESSION_COOKIE), m.id(), key.key(), created);
        ctx.redirect(BASE + "/" + m.id() + "/clave", HttpStatus.SEE_OTHER);
    }

    /** The only time the key is ever shown: this answer, never stored by the browser. */
    private void key(Context ctx) {
        Merchant m = load(ctx);
        ctx.header("Cache-Control", "no-store");
        var held = keysToShow.take(ctx.cookie(Web.SESSION_COOKIE), m.id());
        if (held.isEmpty()) {
            web.render(ctx, HttpStatus.GONE, templates.rewardsMerchantsKeyShown(web.page(ctx), m));
            return;
        }
        web.render(ctx, templates.rewardsMerchantsKey(web.page(ctx), m, held.get().key(), held.get().created(),
                MerchantView.merchantFormUrl(web.config().baseUrl())));
    }

    private void show(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Merchant m = load(ctx);
        Map<LocalDate, Integer> perDay = merchants.confirmationsPerDay(me.tenantId(), m.id(), me.tenant().zone(), 30);
        PageContext page = web.page(ctx);
        web.render(ctx, templates.rewardsMerchantsShow(page, m, activity.of(page, me.tenantId(), m.id()),
                chart(perDay, Web.messages(ctx), me.tenant().javaLocale())));
    }

    private static final BarChart.DailyTexts CHART = new BarChart.DailyTexts("rw.merchants.chart_title",
            "rw.merchants.chart_none", "rw.merchants.chart_summary", "rw.merchants.day", "rw.merchants.confirmations");

    /** Confirmations per day, with a date under today's bar and every seventh one before it. */
    public static BarChart chart(Map<LocalDate, Integer> perDay, Messages m, Locale locale) {
        Map<LocalDate, Long> counts = new LinkedHashMap<>();
        perDay.forEach((day, n) -> counts.put(day, n.longValue()));
        return BarChart.daily(counts, CHART, m, locale);
    }

    private FieldErrors check(Context ctx, MerchantInput input, UUID id) {
        Messages m = Web.messages(ctx);
        FieldErrors errors = input.validate(m);
        if (!errors.has("merchant_name") && merchants.nameTaken(Web.user(ctx).tenantId(), input.name(), id)) {
            errors.add("merchant_name", m.t("rw.merchants.name_taken"));
        }
        return errors;
    }

    private Merchant load(Context ctx) {
        return merchants.find(Web.user(ctx).tenantId(), PathParams.uuid(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private void form(Context ctx, Merchant merchant, MerchantInput input, FieldErrors errors, HttpStatus status) {
        web.render(ctx, status, templates.rewardsMerchantsForm(web.page(ctx), merchant, input, errors));
    }
}
