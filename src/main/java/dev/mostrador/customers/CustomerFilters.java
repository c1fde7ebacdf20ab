package dev.mostrador.customers;

import dev.mostrador.platform.web.QueryParams;
import io.javalin.http.Context;

/** The customers list's filters as typed in the query string; a malformed value is ignored, as on the other lists. */
public record CustomerFilters(String q, String status, String interes, String vendedor, String city, boolean preferred) {
    static final String[] NAMES = {"q", "status", "interes", "vendedor", "city", "preferred"};

    static CustomerFilters of(Context ctx) {
        String status = query(ctx, "status");
        String q = query(ctx, "q");
        return new CustomerFilters(q.length() > 200 ? q.substring(0, 200) : q, CustomerInput.STATUSES.contains(status) ? status : "",
                query(ctx, "interes"), query(ctx, "vendedor"), query(ctx, "city"), "1".equals(query(ctx, "preferred")));
    }

    public boolean any() {
        return toFilter().any();
    }

    CustomerQuery.Filter toFilter() {
        return new CustomerQuery.Filter(q, status.isEmpty() ? null : status, id(interes), id(vendedor), city.length() > 120 ? "" : city, preferred);
    }

    private static String query(Context ctx, String name) {
        return QueryParams.text(ctx, name);
    }

    private static Long id(String text) {
        return QueryParams.positiveId(text);
    }
}
