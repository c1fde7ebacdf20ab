package dev.mostrador.rewards.offers;

import dev.mostrador.rewards.common.RewardsPages;
import dev.mostrador.rewards.merchants.MerchantRepository;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.CsvExport;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.ListLinks;
import dev.mostrador.platform.web.ListSort;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Paging;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.util.List;
import java.util.UUID;

/** Recompensas (reward offers): every staff member browses them, admins create and edit. */
public final class RewardOfferRoutes {
    static final String BASE = "/recompensas/catalogo";
    private static final int PAGE_SIZE = 25;

    private final Web web;
    private final Templates templates;
    private final RewardOfferRepository offers;
    private final MerchantRepository merchants;
    private final AvailableOffers available;

    public RewardOfferRoutes(Web web, Templates templates, RewardOfferRepository offers, MerchantRepository merchants, AvailableOffers available) {
        this.available = available;
        this.web = web;
        this.templates = templates;
        this.offers = offers;
        this.merchants = merchants;
    }

    public void register(Routes routes) {
        routes.get(BASE, this::list, Role.STAFF)
                .get(BASE + ".csv", this::csv, Role.STAFF)
                .get(BASE + "/{id}/duplicate", this::duplicate, Role.ADMIN)
                .get(BASE + "/new", ctx -> form(ctx, null, RewardOfferInput.blank(), FieldErrors.none(), HttpStatus.OK), Role.ADMIN)
                .post(BASE, ctx -> save(ctx, null), Role.ADMIN)
                .get(BASE + "/{id}/edit", ctx -> {
                    RewardOffer o = load(ctx);
                    form(ctx, o.id(), RewardOfferInput.of(o, Web.user(ctx).tenant().zone()), FieldErrors.none(), HttpStatus.OK);
                }, Role.ADMIN)
                .post(BASE + "/{id}", ctx -> save(ctx, load(ctx).id()), Role.ADMIN);
    }

    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        String q = RewardsPages.query(ctx, "q");
        ListSort sort = ListSort.of(ctx, RewardOfferRepository.SORTS.keySet(), ListSort.NONE);
        Paging paging = Paging.of(ctx.queryParam("page"), PAGE_SIZE, offers.count(me.tenantId(), q));
        web.render(ctx, templates.rewardsOffersList(web.page(ctx), offers.search(me.tenantId(), q, sort, PAGE_SIZE, paging.offset()), q, paging,
                ListLinks.of(ctx, BASE, sort, "q")));
    }

    /** The list as filtered and sorted on screen, every row of it. */
    private void csv(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        ListSort sort = ListSort.of(ctx, RewardOfferRepository.SORTS.keySet(), ListSort.NONE);
        CsvExport.send(ctx, me.tenant(), "recompensas", List.of("id", m.t("rw.offers.name"), m.t("rw.offers.merchant"), m.t("rw.status"),
                m.t("rw.lumis"), m.t("rw.offers.stock"), m.t("rw.offers.valid_from"), m.t("rw.offers.valid_to")),
                csv -> offers.each(me.tenantId(), RewardsPages.query(ctx, "q"), sort, o -> {
                    csv.text(o.id().toString()).text(o.name()).text(o.merchantName() == null ? "" : o.merchantName())
                            .text(m.t("rw.offers.state." + OfferView.offerState(o))).number(o.lumisCost());
                    if (o.stock() == null) csv.text("");
                    else csv.number(o.stock());
                    csv.dateTime(o.validFrom()).dateTime(o.validTo());
                    csv.endRow();
                }));
    }

    /** The create form filled with a copy, "(copia)" in its name. */
    private void duplicate(Context ctx) {
        RewardOfferInput i = RewardOfferInput.of(load(ctx), Web.user(ctx).tenant().zone());
        form(ctx, null, new RewardOfferInput(Web.messages(ctx).t("list.copy_of", i.name()), i.description(), i.category(), i.lumisCost(),
                i.stock(), i.merchantId(), i.active(), i.validFrom(), i.validTo(), i.codeLifetimeHours()), FieldErrors.none(), HttpStatus.OK);
    }

    private void save(Context ctx, UUID id) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        RewardOfferInput input = RewardOfferInput.fromForm(ctx);
        FieldErrors errors = new FieldErrors();
        RewardOfferRepository.Fields f = input.validate(m, me.tenant().zone(), errors);
        // Only a merchant of this tenant may be named; another tenant's id reads as "not in the list".
        if (f != null && f.merchantId() != null && merchants.find(me.tenantId(), f.merchantId()).isEmpty()) {
            errors.add("merchant_id", m.t("rewards.v.merchant"));
        }
        if (!errors.isEmpty()) {
            form(ctx, id, input, errors, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        if (id == null) offers.create(me.tenantId(), f);
        else offers.update(me.tenantId(), id, f);
        available.changed(me.tenantId());
        // "Guardar y agregar otro" comes back to an empty form.
        String next = id == null && "new".equals(ctx.formParam("next")) ? BASE + "/new" : BASE;
        web.redirectWithFlash(ctx, next, m.t(id == null ? "rw.offers.created" : "rw.offers.updated", f.name()));
    }

    private RewardOffer load(Context ctx) {
        return offers.find(Web.user(ctx).tenantId(), PathParams.uuid(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private void form(Context ctx, UUID id, RewardOfferInput input, FieldErrors errors, HttpStatus status) {
        CurrentUser me = Web.user(ctx);
        web.render(ctx, status, templates.rewardsOffersForm(web.page(ctx), id, input, merchants.search(me.tenantId(), null, 500, 0), errors));
    }
}
