package dev.mostrador.customers;

import io.javalin.http.Context;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * What happened to a customer, newest first, from every feature that knows something: customers
 * (creation, edits), rewards (lümis movements), orders; visits and imports add theirs. Each feature
 * gives its latest {@code limit} entries, already in the reader's language; {@link #all} merges them.
 */
public interface CustomerTimeline {
    /** {@code kind}: a short code for the icon/badge ("created", "edited", "lumis", "order"…); {@code link}: null or a path. */
    record Entry(OffsetDateTime at, String kind, String text, String link) {}

    /** How many entries the customer's page shows (parts that show the same rows read this many at once). */
    int ROWS = 30;

    List<Entry> entries(Context ctx, Customer customer, int limit);

    /** Declares the reads {@link #entries} will make, as {@link CustomerPageParts#readAhead} does. */
    default void readAhead(Context ctx, long customerId) {}

    /** Several features' entries merged, newest first, the latest {@code limit} of them. */
    static CustomerTimeline all(List<CustomerTimeline> timelines) {
        return new CustomerTimeline() {
            @Override
            public List<Entry> entries(Context ctx, Customer customer, int limit) {
                return timelines.stream().flatMap(t -> t.entries(ctx, customer, limit).stream())
                        .sorted(Comparator.comparing(Entry::at).reversed()).limit(limit).toList();
            }

            @Override
            public void readAhead(Context ctx, long customerId) {
                timelines.forEach(t -> t.readAhead(ctx, customerId));
            }
        };
    }
}
