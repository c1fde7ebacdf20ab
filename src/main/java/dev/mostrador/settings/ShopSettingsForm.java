package dev.mostrador.settings;

import java.math.BigDecimal;
import dev.mostrador.platform.web.Format;

import dev.mostrador.platform.tenants.Tenant;
import dev.mostrador.platform.tenants.TenantRepository;
import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.Messages;
import io.javalin.http.Context;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** "Ajustes de la tienda": the shop's name, zone, currency, locale and public colours. */
public record ShopSettingsForm(String name, String timeZone, String currency, String locale,
                               String primaryColor, String accentColor, boolean currencyConfirmed, String reservaTtl,
                               String lumisPorMonto) {
    /** Below numeric(14, 2)'s limit. */
    private static final BigDecimal MAX_LUMIS_POR_MONTO = new BigDecimal("999999999999.99");
    /** Minutes a checkout's reservations may hold stock: within the CHECK of tenants.reserva_ttl_minutos. */
    public static final int MAX_RESERVA_TTL = 1440;

    /** Suggested in the form; any region id the JDK knows is accepted. */
    public static final List<String> ZONES = List.of("America/Santiago", "America/Punta_Arenas", "Pacific/Easter",
            "America/Argentina/Buenos_Aires", "America/Argentina/Cordoba", "America/Argentina/Mendoza", "America/Montevideo",
            "America/Mexico_City", "America/Monterrey", "America/Tijuana", "America/Cancun", "America/Lima", "America/Bogota",
            "America/La_Paz", "America/Asuncion", "America/Guayaquil", "America/Caracas", "America/Sao_Paulo",
            "America/Panama", "America/Costa_Rica", "America/Guatemala", "America/New_York", "Europe/Madrid", "UTC");
    /** ISO 4217 codes; Format takes each one's minor unit from the JDK. */
    public static final List<String> CURRENCIES = List.of("CLP", "ARS", "UYU", "MXN", "PEN", "COP", "BOB", "PYG",
            "BRL", "USD", "EUR");
    /** Within the CHECK of tenants.locale: Spanish or English. */
    public static final List<String> LOCALES = List.of("es-CL", "es-AR", "es-UY", "es-MX", "es-PE", "es-CO", "es-BO",
            "es-PY", "es-EC", "es-ES", "en-US");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-f]{6}");

    public static ShopSettingsForm of(Tenant t, int reservaTtl, BigDecimal lumisPorMonto) {
        return new ShopSettingsForm(t.name(), t.zone().getId(), t.currency(), t.locale(),
                blankIfNull(t.branding().primaryColor()), blankIfNull(t.branding().accentColor()), false, String.valueOf(reservaTtl),
                new Format(t).amount(lumisPorMonto));
    }

    /** A form without the reservations' field (an older page or script) keeps the tenant's current minutes. */
    public static ShopSettingsForm from(Context ctx, int currentReservaTtl, String currentLumisPorMonto) {
        String ttl = ctx.formParam("reserva_ttl_minutos");
        String lumis = ctx.formParam("lumis_por_monto");
        return new ShopSettingsForm(trim(ctx.formParam("name")), trim(ctx.formParam("time_zone")),
                trim(ctx.formParam("currency")).toUpperCase(Locale.ROOT), trim(ctx.formParam("locale")),
                trim(ctx.formParam("primary_color")).toLowerCase(Locale.ROOT),
                trim(ctx.formParam("accent_color")).toLowerCase(Locale.ROOT),
                "on".equals(ctx.formParam("currency_confirmed")) || "true".equals(ctx.formParam("currency_confirmed")),
                ttl == null ? String.valueOf(currentReservaTtl) : ttl.trim(), lumis == null ? currentLumisPorMonto : lumis.trim());
    }

    public FieldErrors validate(Messages m, Tenant current) {
        FieldErrors errors = new FieldErrors();
        if (name.isEmpty()) errors.add("name", m.t("validation.required", m.t("settings.name")));
        else if (name.length() > 200) errors.add("name", m.t("validation.max_length", m.t("settings.name"), 200));
        // Region ids only: a fixed offset ("-03:00") would ignore the country's clock changes.
        if (!ZoneId.getAvailableZoneIds().contains(timeZone) && !timeZone.equals("UTC")) {
            errors.add("time_zone", m.t("settings.time_zone_invalid"));
        }
        if (!CURRENCIES.contains(currency)) errors.add("currency", m.t("settings.currency_invalid"));
        else if (!currency.equals(current.currency()) && !currencyConfirmed) {
            errors.add("currency", m.t("settings.currency_confirm_needed"));
        }
        if (!LOCALES.contains(locale)) errors.add("locale", m.t("settings.locale_invalid"));
        checkColor(m, errors, "primary_color", primaryColor);
        checkColor(m, errors, "accent_color", accentColor);
        if (reservaTtlMinutos() == null) errors.add("reserva_ttl_minutos", m.t("settings.reserva_ttl_invalid", MAX_RESERVA_TTL));
        if (!lumisPorMonto.isEmpty()) {
            Format format = new Format(current);
            BigDecimal amount = format.parseAmount(lumisPorMonto);
            if (amount == null || amount.signum() <= 0 || amount.compareTo(MAX_LUMIS_POR_MONTO) > 0 || format.tooPrecise(amount)) {
                errors.add("lumis_por_monto", m.t("ped.settings.lumis_invalid", format.money(new BigDecimal(100))));
            }
        }
        return errors;
    }

    /** The earning rule typed, in the shop's money format (read as the shop wrote it before this save); null = off. */
    public BigDecimal lumisPorMontoAmount(Tenant current) {
        return lumisPorMonto.isEmpty() ? null : new Format(current).parseAmount(lumisPorMonto);
    }

    public TenantRepository.Settings toSettings(Tenant current) {
        return new TenantRepository.Settings(name, timeZone, currency, locale, nullIfBlank(primaryColor), nullIfBlank(accentColor),
                reservaTtlMinutos(), lumisPorMontoAmount(current));
    }

    /** The minutes typed, or null when they are not a whole number from 1 to 1440. */
    public Integer reservaTtlMinutos() {
        try {
            int n = Integer.parseInt(reservaTtl);
            return n >= 1 && n <= MAX_RESERVA_TTL ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void checkColor(Messages m, FieldErrors errors, String field, String value) {
        if (!value.isEmpty() && !COLOR.matcher(value).matches()) errors.add(field, m.t("settings.color_invalid"));
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s;
    }

    private static String nullIfBlank(String s) {
        return s.isEmpty() ? null : s;
    }
}
