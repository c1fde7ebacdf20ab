package dev.mostrador.inventory;

import dev.mostrador.catalog.Producto;
import dev.mostrador.catalog.ProductoRepository;
import dev.mostrador.customers.CustomerRepository;
import dev.mostrador.inventory.CartRepository.CartItem;
import dev.mostrador.inventory.CartRepository.CartRow;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.promotions.ActiveOfertaCache;
import dev.mostrador.promotions.Cotizador;
import dev.mostrador.promotions.pricing.LineaPedido;
import dev.mostrador.promotions.pricing.Texto;
import org.jooq.DSLContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seed's cart (one open cart per staff user) and its checkout. Every method takes the
 * DSLContext of the request's operation (the Idempotency-Key's transaction, or the plain one) and
 * runs its writes in a transaction of its own inside it; the cart is priced through that same
 * context, so a request never holds one connection while waiting for a second.
 */
public final class CartService {
    public static final int MAX_UNITS = 1_000_000;
    private final CartRepository carts = new CartRepository();
    private final ActiveOfertaCache ofertas;
    private final Reservations reservations;

    public CartService(ActiveOfertaCache ofertas, Reservations reservations) {
        this.ofertas = ofertas;
        this.reservations = reservations;
    }

    /** What a checkout reserved, and for how long. */
    public record Checkout(long carritoId, List<Reserva> reservas, int totalItems, int ttlMinutos) {}

    public PricedCart view(DSLContext ctx, CurrentUser me, Messages m) {
        Optional<CartRow> cart = carts.open(ctx, me.tenantId(), me.userId());
        if (cart.isEmpty()) return PricedCart.none(texts(m));
        return price(ctx, me, cart.get(), carts.items(ctx, me.tenantId(), cart.get().id()), m);
    }

    /** Adds units of a product to the user's cart (made if needed); the line's new total must stay within 1..1,000,000. */
    public void add(DSLContext ctx, CurrentUser me, long productId, int quantity) {
        checkQuantity(quantity);
        sellable(ctx, me, productId);
        ctx.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            CartRow cart = carts.openLocked(tx, me.tenantId(), me.userId());
            long units = (long) carts.units(tx, me.tenantId(), cart.id(), productId) + quantity;
            if (units > MAX_UNITS) throw CartRefused.invalid("quantity", "the line would hold " + units + " units; at most " + MAX_UNITS);
            carts.put(tx, me.tenantId(), cart.id(), productId, (int) units);
        });
    }

    /** Sets a line's quantity; 404 when the cart has no line of this (tenant's) product. */
    public void change(DSLContext ctx, CurrentUser me, long productId, int quantity) {
        checkQuantity(quantity);
        ctx.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            CartRow cart = carts.openLocked(tx, me.tenantId(), me.userId());
            if (carts.units(tx, me.tenantId(), cart.id(), productId) == 0) throw notInCart(productId);
            carts.put(tx, me.tenantId(), cart.id(), productId, quantity);
        });
    }

    public void remove(DSLContext ctx, CurrentUser me, long productId) {
        ctx.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            if (!carts.remove(tx, me.tenantId(), carts.openLocked(tx, me.tenantId(), me.userId()).id(), productId)) throw notInCart(productId);
        });
    }

    public void empty(DSLContext ctx, CurrentUser me) {
        ctx.transaction(cfg -> carts.empty(cfg.dsl(), me.tenantId(), carts.openLocked(cfg.dsl(), me.tenantId(), me.userId()).id()));
    }

    /** Assigns the cart to one of the tenant's customers, or to none ({@code customerId} null). */
    public void assignCustomer(DSLContext ctx, CurrentUser me, Long customerId) {
        if (customerId != null && new CustomerRepository(ctx).find(me.tenantId(), customerId).isEmpty()) {
            throw CartRefused.notFound("customer_id", "no customer " + customerId);
        }
        ctx.transaction(cfg -> carts.assignCustomer(cfg.dsl(), me.tenantId(), carts.openLocked(cfg.dsl(), me.tenantId(), me.userId()).id(), customerId));
    }

    /**
     * Reserves the stock of the user's open cart and marks it reservado, in one transaction: all
     * lines or none ({@link NotEnoughStock}); 422 for an empty cart, 409 when it was already checked out.
     */
    public Checkout checkout(DSLContext ctx, CurrentUser me, Messages m) {
        return ctx.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            // The conditional UPDATE locks the cart first: a concurrent add waits, a second checkout finds nothing to mark.
            Optional<Long> marked = carts.markReserved(tx, me.tenantId(), me.userId());
            if (marked.isEmpty()) {
                if (carts.anyReserved(tx, me.tenantId(), me.userId())) {
                    throw new CartRefused(409, "cart_already_checked_out", Map.of("cart", "the cart was already checked out; add products to start a new one"));
                }
                throw new CartRefused(422, "empty_cart", Map.of("cart", "the cart has no products"));
            }
            long cartId = marked.get();
            List<CartItem> items = carts.items(tx, me.tenantId(), cartId);
            if (items.isEmpty()) throw new CartRefused(422, "empty_cart", Map.of("cart", "the cart has no products"));
            CartRow row = new CartRow(cartId, me.userId(), null, null, "reservado");
            PricedCart priced = price(tx, me, row, items, m);
            List<Reserva> made = reservations.reserve(tx, me.tenantId(), priced.unitsNeeded(), cartId, me.userId());
            return new Checkout(cartId, made, made.stream().mapToInt(Reserva::cantidad).sum(), carts.reservaTtlMinutos(tx, me.tenantId()));
        });
    }

    private PricedCart price(DSLContext ctx, CurrentUser me, CartRow cart, List<CartItem> items, Messages m) {
        List<LineaPedido> lines = items.stream().map(i -> new LineaPedido(i.productoId(), i.cantidad())).toList();
        Map<Long, Integer> inactive = new LinkedHashMap<>();
        Cotizador cotizador = new Cotizador(new ProductoRepository(ctx), ofertas);
        Cotizador.Result result = lines.isEmpty() ? null : cotizador.quote(me.tenant(), lines);
        if (result != null && !result.productosInvalidos().isEmpty()) {
            result.productosInvalidos().forEach((i, id) -> inactive.put(id, lines.get(i).cantidad()));
            List<LineaPedido> sellable = lines.stream().filter(l -> !inactive.containsKey(l.productoId())).toList();
            result = sellable.isEmpty() ? null : cotizador.quote(me.tenant(), sellable);
        }
        var quote = result == null ? null : result.cotizacion();
        return new PricedCart(cart.id(), cart.customerId(), cart.customerName(), quote == null ? List.of() : quote.lineas(),
                quote == null ? List.of() : quote.regalos(), inactive, quote, texts(m));
    }

    /** The id of one of the tenant's products (active or not), or 404 naming it. */
    public long tenantsProduct(DSLContext ctx, CurrentUser me, long productId) {
        if (new ProductoRepository(ctx).find(me.tenantId(), productId).isEmpty()) throw CartRefused.notFound("product_id", "no product " + productId);
        return productId;
    }

    private static void sellable(DSLContext ctx, CurrentUser me, long productId) {
        Optional<Producto> p = new ProductoRepository(ctx).find(me.tenantId(), productId);
        if (p.isEmpty()) throw CartRefused.notFound("product_id", "no product " + productId);
        if (!p.get().activo()) throw CartRefused.invalid("product_id", "product " + productId + " (" + p.get().sku() + ") is inactive");
    }

    private static void checkQuantity(int quantity) {
        if (quantity < 1 || quantity > MAX_UNITS) throw CartRefused.invalid("quantity", "must be a whole number from 1 to " + MAX_UNITS);
    }

    private static CartRefused notInCart(long productId) {
        return CartRefused.notFound("product_id", "the cart has no line of product " + productId);
    }

    private static java.util.function.Function<Texto, String> texts(Messages m) {
        return t -> m.t(t.clave(), t.args());
    }
}
