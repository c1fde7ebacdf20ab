package dev.mostrador.visits;

import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Messages;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** A visit's plan as typed in the form: customer, vendedor (blank = me), day and time in the tenant's zone. */
public record VisitPlanInput(String customerId, String vendedorId, String fecha, String hora) {
    /** How far from today a visit may be planned: a year back (recording one made without a plan) and a year ahead. */
    public static final int MAX_DAYS_AWAY = 366;

    public static VisitPlanInput blank() {
        return new VisitPlanInput("", "", "", "");
    }

    public static VisitPlanInput of(Visita v, ZoneId zone) {
        var at = v.plannedAt().atZoneSameInstant(zone);
        return new VisitPlanInput(String.valueOf(v.customerId()), String.valueOf(v.vendedorId()), at.toLocalDate().toString(),
                at.toLocalTime().withSecond(0).withNano(0).toString());
    }

    public static VisitPlanInput fromForm(Context ctx) {
        return new VisitPlanInput(trim(ctx.formParam("customer_id")), trim(ctx.formParam("vendedor_id")), trim(ctx.formParam("fecha")),
                trim(ctx.formParam("hora")));
    }

    public static VisitPlanInput fromQuery(Context ctx) {
        return new VisitPlanInput(trim(ctx.queryParam("customer_id")), trim(ctx.queryParam("vendedor_id")), trim(ctx.queryParam("fecha")),
                trim(ctx.queryParam("hora")));
    }

    /** The plan, or null with {@code errors} naming each bad field. */
    public VisitService.Plan validate(Messages m, ZoneId zone, FieldErrors errors) {
        Long customer = id(customerId);
        if (customerId.isEmpty()) errors.add("customer_id", m.t("vis.v.customer_required"));
        else if (customer == null) errors.add("customer_id", m.t("vis.v.customer_unknown"));
        Long vendedor = vendedorId.isEmpty() ? null : id(vendedorId);
        if (!vendedorId.isEmpty() && vendedor == null) errors.add("vendedor_id", m.t("vis.v.vendedor_unknown"));
        LocalDate day = null;
        if (fecha.isEmpty()) errors.add("fecha", m.t("vis.v.fecha_required"));
        else if ((day = day(fecha)) == null) errors.add("fecha", m.t("vis.v.fecha_invalid"));
        LocalTime time = null;
        if (hora.isEmpty()) errors.add("hora", m.t("vis.v.hora_required"));
        else if ((time = time(hora)) == null) errors.add("hora", m.t("vis.v.hora_invalid"));
        if (day != null && !withinReach(day, LocalDate.now(zone))) errors.add("fecha", m.t("vis.v.fecha_range", MAX_DAYS_AWAY));
        if (!errors.isEmpty()) return null;
        return new VisitService.Plan(customer, vendedor, day.atTime(time).atZone(zone).toOffsetDateTime());
    }

    static boolean withinReach(LocalDate day, LocalDate today) {
        return !day.isBefore(today.minusDays(MAX_DAYS_AWAY)) && !day.isAfter(today.plusDays(MAX_DAYS_AWAY));
    }

    /** The instant as an API sends it ("2026-03-04T10:30" in the tenant's zone, or with an offset), or null. */
    static OffsetDateTime instant(String text, ZoneId zone) {
        if (text == null || text.length() > 40 || text.trim().length() <= 10) return null;
        return dev.mostrador.platform.web.ZonedDates.parse(text, zone, false);
    }

    static LocalDate day(String s) {
        try {
            LocalDate d = LocalDate.parse(s);
            return d.getYear() < 1900 || d.getYear() > 9999 ? null : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static LocalTime time(String s) {
        if (!s.matches("\\d{2}:\\d{2}(:\\d{2})?")) return null;
        try {
            return LocalTime.parse(s).withSecond(0);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Long id(String s) {
        if (s == null || !s.matches("\\d{1,18}")) return null;
        long v = Long.parseLong(s);
        return v < 1 ? null : v;
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
