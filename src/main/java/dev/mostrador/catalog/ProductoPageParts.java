package dev.mostrador.catalog;

import gg.jte.Content;
import io.javalin.http.Context;

/**
 * What another feature adds to a product's page, handed in at wiring time: the inventory adds its
 * counters, movements and reservations. The catalog knows no feature built on it (the inventory,
 * and through the cart the ofertas engine, read the catalog).
 */
public interface ProductoPageParts {
    /** Buttons beside "edit", and sections under the product's facts. */
    record Parts(Content actions, Content sections) {}

    ProductoPageParts NONE = (ctx, producto) -> new Parts(out -> {}, out -> {});

    Parts of(Context ctx, Producto producto);
}
