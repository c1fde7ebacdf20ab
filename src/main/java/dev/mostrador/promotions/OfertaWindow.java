package dev.mostrador.promotions;

import dev.mostrador.platform.web.PageContext;
import dev.mostrador.platform.web.QueryParams;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ofertas list's date filters: starting (desde) and ending (hasta) between two days, both
 * included, in the tenant's zone — what the dashboard's "start / end in the next 7 days" link to.
 * A malformed date is ignored, like the other list filters.
 */
public record OfertaWindow(LocalDate startsFrom, LocalDate startsTo, LocalDate endsFrom, LocalDate endsTo) {
    public static final OfertaWindow NONE = new OfertaWindow(null, null, null, null);

    public static OfertaWindow of(Context ctx) {
        return new OfertaWindow(QueryParams.date(ctx, "empieza_desde"), QueryParams.date(ctx, "empieza_hasta"),
                QueryParams.date(ctx, "termina_desde"), QueryParams.date(ctx, "termina_hasta"));
    }

    public boolean any() {
        return startsFrom != null || startsTo != null || endsFrom != null || endsTo != null;
    }

    /** The filters set, by parameter name: hidden fields of the list's form. */
    public Map<String, String> params() {
        Map<String, String> set = new LinkedHashMap<>();
        if (startsFrom != null) set.put("empieza_desde", startsFrom.toString());
        if (startsTo != null) set.put("empieza_hasta", startsTo.toString());
        if (endsFrom != null) set.put("termina_desde", endsFrom.toString());
        if (endsTo != null) set.put("termina_hasta", endsTo.toString());
        return set;
    }

    /** The filters in words for the list's heading note ("start between 1 Dec 2026 and 7 Dec 2026"). */
    public String describe(PageContext page) {
        List<String> parts = new ArrayList<>();
        if (startsFrom != null || startsTo != null) parts.add(page.t("ofertas.window.starts", day(page, startsFrom), day(page, startsTo)));
        if (endsFrom != null || endsTo != null) parts.add(page.t("ofertas.window.ends", day(page, endsFrom), day(page, endsTo)));
        return String.join(" · ", parts);
    }

    private static String day(PageContext page, LocalDate day) {
        return day == null ? "…" : page.format().date(day.atStartOfDay(page.format().zone()).toOffsetDateTime());
    }

    OfertaRepository.Filter applyTo(OfertaRepository.Filter f, ZoneId zone) {
        return new OfertaRepository.Filter(f.query(), f.tipo(), f.estado(), start(startsFrom, zone), end(startsTo, zone),
                start(endsFrom, zone), end(endsTo, zone));
    }

    private static OffsetDateTime start(LocalDate day, ZoneId zone) {
        return day == null ? null : day.atStartOfDay(zone).toOffsetDateTime();
    }

    /** The exclusive end: the start of the next day. */
    private static OffsetDateTime end(LocalDate day, ZoneId zone) {
        return day == null ? null : day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }
}
