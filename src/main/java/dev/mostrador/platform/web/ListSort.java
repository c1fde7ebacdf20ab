package dev.mostrador.platform.web;

import io.javalin.http.Context;

import java.util.Collection;

/**
 * The order a list is shown in, as the URL asks it ({@code ?sort=col&dir=asc|desc}), checked against
 * the list's own column names. An unknown column falls back to the list's default instead of a 422:
 * sort links are bookmarked and shared, and a renamed column must not turn them into error pages.
 */
public record ListSort(String column, boolean descending) {
    /** No column asked for: the list's own default order (which may be on several columns). */
    public static final ListSort NONE = new ListSort("", false);

    public static ListSort asc(String column) {
        return new ListSort(column, false);
    }

    public static ListSort desc(String column) {
        return new ListSort(column, true);
    }

    public static ListSort of(Context ctx, Collection<String> columns, ListSort fallback) {
        String column = ctx.queryParam("sort");
        if (column == null || !columns.contains(column)) return fallback;
        String dir = ctx.queryParam("dir");
        return new ListSort(column, dir == null ? fallback.column().equals(column) && fallback.descending() : "desc".equals(dir));
    }

    public boolean isNone() {
        return column.isEmpty();
    }

    /** "sort=col&dir=asc", or "" for {@link #NONE}. */
    public String query() {
        return isNone() ? "" : "sort=" + column + "&dir=" + (descending ? "desc" : "asc");
    }
}
