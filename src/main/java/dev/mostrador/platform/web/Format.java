package dev.mostrador.platform.web;

import dev.mostrador.platform.tenants.Tenant;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Money, numbers and dates in the tenant's locale, currency and time zone. */
public final class Format {
    private final Locale locale;
    private final ZoneId zone;
    private final Currency currency;

    public Format(Tenant tenant) {
        this.locale = tenant == null ? Locale.forLanguageTag("es-CL") : tenant.javaLocale();
        this.zone = tenant == null ? ZoneId.of("America/Santiago") : tenant.zone();
        this.currency = Currency.getInstance(tenant == null ? "CLP" : tenant.currency());
    }

    public String money(BigDecimal amount) {
        if (amount == null) return "";
        NumberFormat nf = NumberFormat.getNumberInstance(locale);
        nf.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        nf.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return "$ " + nf.format(amount);
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    public String dateTime(OffsetDateTime time) {
        if (time == null) return "—";
        return time.atZoneSameInstant(zone).format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale));
    }

    public String date(OffsetDateTime time) {
        if (time == null) return "—";
        return time.atZoneSameInstant(zone).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    public ZoneId zone() {
        return zone;
    }
}
