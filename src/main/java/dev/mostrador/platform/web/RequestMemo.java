package dev.mostrador.platform.web;

import io.javalin.http.Context;

import java.util.List;
import java.util.function.IntFunction;

/**
 * What one request read, kept for the rest of it: a page whose parts each show a slice of the same
 * rows (a customer's ledger in its panel and on its timeline) reads them once.
 */
public final class RequestMemo {
    private record Rows<T>(List<T> rows, int asked) {}

    private RequestMemo() {}

    /**
     * The first {@code limit} rows under {@code key}, read by {@code read} (given how many to read) at most once per request
     * unless a later caller asks for more than were read; {@code atLeast} lets the first caller read what the next will want.
     */
    public static <T> List<T> firstRows(Context ctx, String key, int limit, int atLeast, IntFunction<List<T>> read) {
        Rows<T> have = ctx.attribute(key);
        if (have == null || (have.rows().size() >= have.asked() && have.asked() < limit)) {
            int n = Math.max(limit, atLeast);
            have = new Rows<>(read.apply(n), n);
            ctx.attribute(key, have);
        }
        return have.rows().subList(0, Math.min(limit, have.rows().size()));
    }
}
