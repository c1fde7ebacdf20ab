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

    /** Several features' parts, in the order given (rewards, orders, visits, imports…). */
    static CustomerPageParts all(java.util.List<CustomerPageParts> parts) {
        return (ctx, customer) -> {
            java.util.List<Parts> each = parts.stream().map(p -> p.of(ctx, customer)).toList();
            return new Parts(out -> each.forEach(p -> p.actions().writeTo(out)), out -> each.forEach(p -> p.sections().writeTo(out)));
        };
    }
}
