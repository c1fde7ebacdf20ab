package dev.mostrador.platform.web;

import dev.mostrador.platform.db.Jdbc;
import io.javalin.http.Context;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What one request read, kept for the rest of it: a page whose parts each show a slice of the same
 * rows (a customer's ledger in its panel and on its timeline) reads them once. A page made of
 * several features' parts declares their reads first ({@link #readAhead}); the first one asked for
 * then sends them all in one round trip.
 */
public final class RequestMemo {
    private static final String PENDING = RequestMemo.class.getName() + ".pending";

    private record Rows<T>(List<T> rows, int asked) {}

    /**
     * A read a part of a page makes: kept under {@code key}, at least {@code atLeast} rows (what every caller on the page
     * will want), {@code statement} the SQL for n rows.
     */
    public record Read<T>(DSLContext dsl, String key, int atLeast, IntFunction<Jdbc.Query<T>> statement) {}

    private RequestMemo() {}

    /** Declares {@code read}, to be sent with the others declared when the first of them is asked for. */
    public static void readAhead(Context ctx, Read<?> read) {
        if (ctx.attribute(read.key()) != null) return;
        Map<String, Read<?>> pending = ctx.attribute(PENDING);
        if (pending == null) {
            pending = new LinkedHashMap<>();
            ctx.attribute(PENDING, pending);
        }
        pending.putIfAbsent(read.key(), read);
    }

    /** The first {@code limit} rows of {@code read}: sent now with every read declared before it, or read earlier. */
    public static <T> List<T> firstRows(Context ctx, Read<T> read, int limit) {
        readAhead(ctx, read);
        sendPending(ctx);
        return firstRows(ctx, read.key(), limit, read.atLeast(), n -> Jdbc.list(read.dsl(), read.statement().apply(n)));
    }

    /**
     * The first {@code limit} rows under {@code key}, read by {@code read} (given how many to read) at most once per request
     * unless a later caller asks for more than were read; {@code atLeast} lets the first caller read what the next will want.
     */
    private static <T> List<T> firstRows(Context ctx, String key, int limit, int atLeast, IntFunction<List<T>> read) {
        Rows<T> have = ctx.attribute(key);
        if (have == null || (have.rows().size() >= have.asked() && have.asked() < limit)) {
            int n = Math.max(limit, atLeast);
            have = new Rows<>(read.apply(n), n);
            ctx.attribute(key, have);
        }
        return have.rows().subList(0, Math.min(limit, have.rows().size()));
    }

    private static void sendPending(Context ctx) {
        Map<String, Read<?>> pending = ctx.attribute(PENDING);
        if (pending == null || pending.isEmpty()) return;
        List<Read<?>> reads = List.copyOf(pending.values());
        pending.clear();
        List<Jdbc.Query<?>> queries = new ArrayList<>(reads.size());
        for (Read<?> r : reads) queries.add(r.statement().apply(r.atLeast()));
        List<List<?>> results = Jdbc.all(reads.get(0).dsl(), queries);
        for (int i = 0; i < reads.size(); i++) ctx.attribute(reads.get(i).key(), new Rows<>(results.get(i), reads.get(i).atLeast()));
    }
}
