package dev.mostrador.rewards.redemptions;

import dev.mostrador.rewards.common.RewardsPages;
import dev.mostrador.rewards.merchants.MerchantRepository;
import dev.mostrador.rewards.offers.RewardOfferRepository;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.CsvExport;
import dev.mostrador.platform.web.ListLinks;
import dev.mostrador.platform.web.ListSort;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Canjes: the list with filters and keyset pagination (never OFFSET, never a count of the table),
 * a redemption's page with its audit trail, and cancelling a pending code (refund and restock).
 */
public final class RedemptionRoutes {
    public static final String BASE = "/recompensas/canjes";
    static final int PAGE_SIZE = 50;
    static final List<String> STATUSES = List.of("pending", "confirmed", "cancelled", "expired");

    private final Web web;
    private final Templates templates;
    private final RedemptionRepository redemptions;
    private final MerchantRepository merchants;
    private final RewardOfferRepository offers;
    private final RedemptionService service;
    private final AuditTrailRepository auditTrail;

    public RedemptionRoutes(Web web, Templates templates, RedemptionRepository redemptions, MerchantRepository merchants,
                            RewardOfferRepository offers, RedemptionService service, AuditTrailRepository auditTrail) {
        this.web = web;
        this.templates = templates;
        this.redemptions = redemptions;
        this.merchants = merchants;
        this.offers = offers;
        this.service = service;
        this.auditTrail = auditTrail;
    }

    public void register(Routes routes) {
        routes.get(BASE, this::list, Role.STAFF)
                .get(BASE + ".csv", this::csv, Role.STAFF)
                .get(BASE + "/{id}", this::show, Role.STAFF)
                .get(BASE + "/{id}/cancel", ctx -> web.render(ctx, templates.rewardsRedemptionsCancel(web.page(ctx), load(ctx))), RewardsPages.WRITERS)
                .post(BASE + "/{id}/cancel", this::cancel, RewardsPages.WRITERS);
    }

    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        RedemptionFilters filters = filters(ctx);
        ListSort sort = ListSort.of(ctx, SORTS, DEFAULT_SORT);
        RedemptionRepository.Cursor after = cursor(RewardsPages.query(ctx, "before"));
        List<Redemption> rows = redemptions.search(me.tenantId(), filters.toFilter(me.tenant().zone()), after, !sort.descending(), PAGE_SIZE + 1);
        String next = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            Redemption last = rows.get(PAGE_SIZE - 1);
            next = last.createdAt().toInstant() + "_" + last.id();
        }
        web.render(ctx, templates.rewardsRedemptionsList(web.page(ctx), rows, filters, after != null, next,
                merchants.search(me.tenantId(), null, 500, 0), offers.search(me.tenantId(), null, 500, 0),
                ListLinks.of(ctx, BASE, sort, "status", "merchant", "offer", "from", "to", "date")));
    }

    /** Sorting is by date only, either way: keyset paging on any other column would need an index of its own. */
    static final Set<String> SORTS = Set.of("created");
    static final ListSort DEFAULT_SORT = ListSort.desc("created");

    private static RedemptionFilters filters(Context ctx) {
        String status = RewardsPages.query(ctx, "status");
        return new RedemptionFilters(STATUSES.contains(status) ? status : "", RewardsPages.query(ctx, "merchant"),
                RewardsPages.query(ctx, "offer"), RewardsPages.query(ctx, "from"), RewardsPages.query(ctx, "to"),
                RewardsPages.query(ctx, "date").equals(RedemptionFilters.BY_CONFIRMATION) ? RedemptionFilters.BY_CONFIRMATION : "");
    }

    /** The list as filtered and sorted on screen, every row of it. */
    private void csv(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        RedemptionRepository.Filter filter = filters(ctx).toFilter(me.tenant().zone());
        boolean oldestFirst = !ListSort.of(ctx, SORTS, DEFAULT_SORT).descending();
        CsvExport.send(ctx, me.tenant(), "canjes", List.of(m.t("rw.redemptions.created"), m.t("rw.redemptions.code"), m.t("rw.redemptions.customer"),
                m.t("rw.redemptions.offer"), m.t("rw.redemptions.validated_by"), m.t("rw.status"), m.t("rw.lumis")),
                csv -> redemptions.each(me.tenantId(), filter, oldestFirst, r -> {
                    csv.dateTime(r.createdAt()).text(r.displayCode()).text(r.customerName()).text(r.offerName()).text(r.validatedByName())
                            .text(m.t("rw.status." + r.status())).number(r.lumisSpent());
                    csv.endRow();
                }));
    }

    /** "2026-01-24T12:00:00.123456Z_<uuid>": the creation time and id of the last row shown; anything else is the first page. */
    static RedemptionRepository.Cursor cursor(String text) {
        int cut = text.lastIndexOf('_');
        if (cut < 0) return null;
        UUID id = RewardsPages.uuidOrNull(text.substring(cut + 1));
        try {
            return id == null ? null : new RedemptionRepository.Cursor(OffsetDateTime.ofInstant(Instant.parse(text.substring(0, cut)), ZoneOffset.UTC), id);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void show(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Redemption r = load(ctx);
        web.render(ctx, templates.rewardsRedemptionsShow(web.page(ctx), r, auditTrail.forRedemption(me.tenantId(), r.id())));
    }

    private void cancel(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        Redemption r = load(ctx);
        try {
            service.cancel(me.tenant(), r.id(), RewardsPages.audit(web, ctx));
            web.redirectWithFlash(ctx, BASE + "/" + r.id(), m.t("rw.redemptions.cancelled", r.displayCode(), r.lumisSpent(), r.customerName()));
        } catch (RedemptionService.Refused refused) {
            if ("not_found".equals(refused.code)) throw new NotFoundResponse();
            web.flashError(ctx, BASE + "/" + r.id(), m.t("rw.redemptions.not_cancellable", m.t("rw.status." + refused.code.replace("already_", ""))));
        }
    }

    private Redemption load(Context ctx) {
        return redemptions.find(Web.user(ctx).tenantId(), PathParams.uuid(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }
}
