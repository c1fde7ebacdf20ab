package dev.mostrador.rewards.ledger;

import dev.mostrador.rewards.common.RewardsPages;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.web.CsvExport;
import dev.mostrador.platform.web.ListLinks;
import dev.mostrador.platform.web.ListSort;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * Movimientos: the tenant's lümis ledger by kind and days (the dashboard's "issued / spent this
 * week" link here), by date either way with a keyset cursor; with both days set, the count and the
 * sum; the CSV export is the whole filtered ledger.
 * For admin and oficina: the program's economics are not a vendedor's business.
 */
public final class LedgerRoutes {
    static final String BASE = "/recompensas/movimientos";
    static final int PAGE_SIZE = 50;

    private final Web web;
    private final Templates templates;
    private final LedgerRepository ledger;

    public LedgerRoutes(Web web, Templates templates, LedgerRepository ledger) {
        this.web = web;
        this.templates = templates;
        this.ledger = ledger;
    }

    public void register(Routes routes) {
        routes.get(BASE, this::list, RewardsPages.WRITERS)
                .get(BASE + ".csv", this::csv, RewardsPages.WRITERS);
    }

    /** Sorting is by date only, either way, like Canjes: keyset paging on any other column would need an index of its own. */
    static final Set<String> SORTS = Set.of("created");
    static final ListSort DEFAULT_SORT = ListSort.desc("created");

    /** The filters as typed; a malformed value is ignored like on the other lists. */
    record Filters(String kind, String from, String to) {
        static Filters of(Context ctx) {
            String kind = RewardsPages.query(ctx, "kind");
            return new Filters(LedgerRepository.KINDS.contains(kind) ? kind : "", RewardsPages.query(ctx, "from"), RewardsPages.query(ctx, "to"));
        }

        boolean any() {
            return !(kind + from + to).isEmpty();
        }

        boolean bounded() {
            return RewardsPages.dateOrNull(from) != null && RewardsPages.dateOrNull(to) != null;
        }

        LedgerRepository.Filter toFilter(ZoneId zone) {
            LocalDate fromDay = RewardsPages.dateOrNull(from);
            LocalDate toDay = RewardsPages.dateOrNull(to);
            return new LedgerRepository.Filter(kind.isEmpty() ? null : kind, fromDay == null ? null : fromDay.atStartOfDay(zone).toOffsetDateTime(),
                    toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
    }

    private void list(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Filters filters = Filters.of(ctx);
        LedgerRepository.Filter filter = filters.toFilter(me.tenant().zone());
        ListSort sort = ListSort.of(ctx, SORTS, DEFAULT_SORT);
        LedgerRepository.Cursor after = cursor(RewardsPages.query(ctx, "before"));
        List<LedgerRepository.Row> rows = ledger.search(me.tenantId(), filter, after, !sort.descending(), PAGE_SIZE + 1);
        String next = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            LedgerEntry last = rows.get(PAGE_SIZE - 1).entry();
            next = last.createdAt().toInstant() + "_" + last.id();
        }
        LedgerRepository.Totals totals = filters.bounded() ? ledger.totals(me.tenantId(), filter) : null;
        web.render(ctx, templates.rewardsLedgerList(web.page(ctx), rows, filters.kind(), filters.from(), filters.to(),
                filters.any(), totals, after != null, next, ListLinks.of(ctx, BASE, sort, "kind", "from", "to")));
    }

    /** The ledger as filtered and sorted on screen, every row of it (not only the page shown). */
    private void csv(Context ctx) {
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        LedgerRepository.Filter filter = Filters.of(ctx).toFilter(me.tenant().zone());
        boolean oldestFirst = !ListSort.of(ctx, SORTS, DEFAULT_SORT).descending();
        CsvExport.send(ctx, me.tenant(), "movimientos", List.of(m.t("rw.ledger.date"), m.t("rw.redemptions.customer"), m.t("rw.ledger.kind"),
                m.t("rw.ledger.reason"), m.t("rw.ledger.amount")), csv -> ledger.each(me.tenantId(), filter, oldestFirst, r -> {
                    csv.dateTime(r.entry().createdAt()).text(r.customerName()).text(m.t("rw.kind." + r.entry().kind()))
                            .text(r.entry().reason()).number(r.entry().amount());
                    csv.endRow();
                }));
    }

    /** "2026-01-24T12:00:00.123456Z_42": the time and id of the last row shown; anything else is the first page. */
    static LedgerRepository.Cursor cursor(String text) {
        int cut = text.lastIndexOf('_');
        if (cut < 0) return null;
        try {
            return new LedgerRepository.Cursor(OffsetDateTime.ofInstant(Instant.parse(text.substring(0, cut)), ZoneOffset.UTC),
                    Long.parseLong(text.substring(cut + 1)));
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}
