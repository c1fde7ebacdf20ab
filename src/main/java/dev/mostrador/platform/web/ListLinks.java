package dev.mostrador.platform.web;

import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The links of a list page, each keeping the filters as shown: sortable headers (which reset the
 * page), pagination, the CSV export and the date presets. Only the filter names the list declares
 * are carried, so nothing else from the URL leaks into the links.
 */
public record ListLinks(String path, Map<String, String> filters, ListSort sort) {

    public static ListLinks of(Context ctx, String path, ListSort sort, String... filterNames) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : filterNames) {
            String value = ctx.queryParam(name);
            if (value != null && !value.isBlank()) filters.put(name, value.trim());
        }
        return new ListLinks(path, filters, sort);
    }

    /** The header link: this column ascending, or descending when it is already the ascending one. */
    public String sortHref(String column) {
        boolean desc = sort.column().equals(column) && !sort.descending();
        return url(path, filters, new ListSort(column, desc));
    }

    /** For aria-sort on the header; null (no attribute) on the columns not sorted by. */
    public String ariaSort(String column) {
        if (!sort.column().equals(column)) return null;
        return sort.descending() ? "descending" : "ascending";
    }

    public String arrow(String column) {
        if (!sort.column().equals(column)) return "";
        return sort.descending() ? "↓" : "↑";
    }

    /** The pagination component appends {@code &page=N} (after "?" alone, that is still a valid query). */
    public String pageBase() {
        return url(path, filters, sort);
    }

    public String csvHref() {
        return url(path + ".csv", filters, sort);
    }

    /** The same list with two filters replaced (a date preset fills both ends of a range). */
    public String with(String name1, String value1, String name2, String value2) {
        Map<String, String> changed = new LinkedHashMap<>(filters);
        changed.put(name1, value1);
        changed.put(name2, value2);
        return url(path, changed, sort);
    }

    private static String url(String path, Map<String, String> params, ListSort sort) {
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String sorting = sort.query();
        return path + "?" + query + (query.isEmpty() || sorting.isEmpty() ? "" : "&") + sorting;
    }
}
