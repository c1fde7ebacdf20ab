package dev.mostrador.customers;

import gg.jte.Content;
import io.javalin.http.Context;

/**
 * What another feature adds to a customer's page, handed in at wiring time: rewards adds the
 * lümis form, the redemptions and the ledger; orders, visits and imports add theirs
 * ({@link #all}). Customers know no feature built on them.
 */
public interface CustomerPageParts {
    /** Buttons beside "edit", and sections under the customer's facts. */
    record Parts(Content actions, Content sections) {}

    CustomerPageParts NONE = (ctx, customer) -> new Parts(out -> {}, out -> {});

    Parts of(Context ctx, Customer customer);

    /**
     * Declares the reads {@link #of} will make ({@link dev.mostrador.platform.web.RequestMemo#readAhead}), before the
     * customer's own row is read: the page then sends them all in one round trip.
     */
    default void readAhead(Context ctx, long customerId) {}

    /** Several features' parts, in the order given (rewards, orders, visits, imports…). */
    static CustomerPageParts all(java.util.List<CustomerPageParts> parts) {
        return new CustomerPageParts() {
            @Override
            public Parts of(Context ctx, Customer customer) {
                java.util.List<Parts> each = parts.stream().map(p -> p.of(ctx, customer)).toList();
                return new Parts(out -> each.forEach(p -> p.actions().writeTo(out)), out -> each.forEach(p -> p.sections().writeTo(out)));
            }

            @Override
            public void readAhead(Context ctx, long customerId) {
                parts.forEach(p -> p.readAhead(ctx, customerId));
            }
        };
    }
}
