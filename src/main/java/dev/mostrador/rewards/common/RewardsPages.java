package dev.mostrador.rewards.common;

import dev.mostrador.platform.web.ZonedDates;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.Web;
import dev.mostrador.platform.web.QueryParams;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/** What the rewards pages and forms share: ids, filters and numbers as typed, the audit context of a click. */
public final class RewardsPages {
    /** Who may write customers, credit or debit lümis and cancel codes. */
    public static final Role[] WRITERS = {Role.ADMIN, Role.OFICINA};

    private RewardsPages() {}

    /** A UUID typed in a form or query, or null when empty or malformed. */
    public static UUID uuidOrNull(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static LocalDate dateOrNull(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            LocalDate date = LocalDate.parse(text.trim());
            return date.getYear() < ZonedDates.MIN_YEAR || date.getYear() > ZonedDates.MAX_YEAR ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A form or JSON text, trimmed; never null. */
    public static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    /** A whole number as typed, or null when it is not one. */
    public static Integer whole(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException | NullPointerException ex) {
            return null;
        }
    }

    /** A query parameter, trimmed; never null. */
    public static String query(Context ctx, String name) {
        return QueryParams.text(ctx, name);
    }

    /** The staff member acting from the pages, for the audit trigger. */
    public static AuditContext audit(Web web, Context ctx) {
        CurrentUser user = Web.user(ctx);
        return new AuditContext("user", user.email(), web.clientIp(ctx), ctx.userAgent(), Map.of("channel", "web"));
    }
}
