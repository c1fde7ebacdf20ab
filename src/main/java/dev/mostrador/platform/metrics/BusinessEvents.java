package dev.mostrador.platform.metrics;

/**
 * What the business did (codes issued, orders placed), counted for {@code /metrics}. Features see
 * only this: they take a counter once, when they are built, and add to it after their commit.
 */
public interface BusinessEvents {
    /** A counter; {@code name} in dots ("mostrador.orders.created"), Prometheus shows it as mostrador_orders_created_total. */
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
