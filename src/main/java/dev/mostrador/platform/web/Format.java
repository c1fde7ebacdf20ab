package dev.mostrador.platform.web;

import dev.mostrador.platform.tenants.Tenant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Money, numbers and dates in the tenant's locale, currency and time zone. One instance per
 * request or quote: it keeps its number formats, which are not thread-safe.
 */
public final class Format {
    private final Locale locale;
    private final ZoneId zone;
    private final Currency currency;
    private final boolean plainAmounts;
    private NumberFormat moneyFormat;

    public Format(Tenant tenant) {
        this(tenant, false);
    }

    private Format(Tenant tenant, boolean plainAmounts) {
        this.locale = tenant == null ? Locale.forLanguageTag("es-CL") : tenant.javaLocale();
        this.zone = tenant == null ? ZoneId.of("America/Santiago") : tenant.zone();
        this.currency = Currency.getInstance(tenant == null ? "CLP" : tenant.currency());
        this.plainAmounts = plainAmounts;
    }

    /**
     * The same tenant, for the JSON API: amounts are plain decimals ("1990.505" is one thousand
     * nine hundred ninety and a bit, never 1990505 as an es-UY person would mean "1.990.505").
     */
    public static Format forApi(Tenant tenant) {
        return new Format(tenant, true);
    }

    /** "$ 1.990" (es-CL), "$ 1.990,50" (es-UY): rounded half up to the minor unit, as the pricing engine rounds. */
    public String money(BigDecimal amount) {
        if (amount == null) return "";
        if (moneyFormat == null) {
            moneyFormat = NumberFormat.getNumberInstance(locale);
            moneyFormat.setMinimumFractionDigits(minorUnit());
            moneyFormat.setMaximumFractionDigits(minorUnit());
            moneyFormat.setRoundingMode(RoundingMode.HALF_UP);
        }
        return "$ " + moneyFormat.format(amount);
    }

    /**
     * An amount as a form field shows it: the tenant's digits without the symbol ("12.990",
     * "1.990,50"), never dropping a decimal it holds, so saving the form unchanged stores the same amount.
     */
    public String amount(BigDecimal amount) {
        if (amount == null) return "";
        NumberFormat nf = NumberFormat.getNumberInstance(locale);
        nf.setMinimumFractionDigits(minorUnit());
        nf.setMaximumFractionDigits(Math.max(minorUnit(), Decimals.decimalsOf(amount)));
        return nf.format(amount);
    }

    /** An amount typed in a form, read as the tenant writes it ("12.990" is twelve thousand in es-CL); null if not a number. */
    public BigDecimal parseAmount(String text) {
        return plainAmounts ? Decimals.parsePlain(text) : Decimals.parse(text, locale);
    }

    /** ISO 4217 minor unit of the tenant's currency: CLP 0, UYU 2. */
    public int minorUnit() {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    /** True when the amount has more decimals than the currency writes (1990.50 in CLP). */
    public boolean tooPrecise(BigDecimal amount) {
        return Decimals.decimalsOf(amount) > minorUnit();
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
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
