package dev.mostrador.platform.web;

import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Query parameters typed by hand: a malformed number falls back to the default instead of failing. */
public final class QueryParams {
    private QueryParams() {}

    /** A query parameter, trimmed; "" when absent. */
    public static String text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v.trim();
    }

    /** An id typed in a filter or a cursor: a positive number, or null when absent, malformed or not positive. */
    public static Long positiveId(String text) {
        try {
            long n = Long.parseLong(text);
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static int intOr(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** An ISO day (2026-01-31) between the years 1 and 9999, or null when absent or malformed. */
    public static LocalDate date(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) return null;
        try {
            LocalDate day = LocalDate.parse(value.trim());
            return day.getYear() < 1 || day.getYear() > 9999 ? null : day;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
