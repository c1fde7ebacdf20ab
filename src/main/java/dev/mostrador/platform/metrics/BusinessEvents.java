package dev.mostrador.platform.metrics;

/**
 * What the business did (codes issued, orders placed), counted for {@code /metrics}. Features see
 * only this: they take a counter once, when they are built, and add to it after their commit.
 */
public interface BusinessEvents {
    /**
     * A counter; {@code name} in dots ("mostrador.orders.placed"), shown by Prometheus as mostrador_orders_placed_total.
     * Not ending in ".created": Prometheus keeps that suffix for its own series and drops it from the name.
     */
    Counter counter(String name, String description, String... tags);

    interface Counter {
        void add(long amount);

        default void increment() {
            add(1);
        }
    }

    /** For tests and commands that count nothing. */
    BusinessEvents NONE = (name, description, tags) -> amount -> {};
}
