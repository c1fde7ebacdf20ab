package dev.mostrador.customers;

/** The search's regex twin (Fold.prefilter) for tools outside the package: the benchmark's EXPLAIN. */
public final class CustomersSearchSql {
    private CustomersSearchSql() {}

    public static String prefilter(String query) {
        return Fold.prefilter(query);
    }
}
