package dev.mostrador.customers;

import gg.jte.Content;
import io.javalin.http.Context;

/**
 * What another feature adds to a customer's page, handed in at wiring time: rewards adds the
 * lümis form, the redemptions and the ledger. Customers know no feature built on them.
 */
public interface CustomerPageParts {
    /** Buttons beside "edit", and sections under the customer's facts. */
    record Parts(Content actions, Content sections) {}

    CustomerPageParts NONE = (ctx, customer) -> new Parts(out -> {}, out -> {});

    Parts of(Context ctx, Customer customer);
}
