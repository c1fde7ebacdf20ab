package dev.mostrador.orders;

import dev.mostrador.catalog.ProductoRepository;
import dev.mostrador.customers.CustomerMerges;
import dev.mostrador.inventory.CartService;
import dev.mostrador.inventory.Reserva;
import dev.mostrador.inventory.Reservations;
import dev.mostrador.inventory.StockLedger;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.metrics.BusinessEvents;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.promotions.ActiveOfertaCache;
import dev.mostrador.promotions.Cotizador;
import dev.mostrador.promotions.pricing.Cotizacion;
import dev.mostrador.promotions.pricing.LineaPedido;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Placing an order, one transaction each: the stock is sold (reservations confirmed, their movements
 * linked to the order) in the same transaction that inserts the order, its frozen lines and its first
 * event, so an order never exists without its stock, nor stock sold without its order.
 */
public final class OrderService {
    public static final int MAX_LINES = Cotizador.MAX_LINES;
    private final OrderRepository orders = new OrderRepository();
    private final OrderCarts carts = new OrderCarts();
    private final ActiveOfertaCache ofertas;
    private final Reservations reservations;
    private final CartService cartService;
    private final BusinessEvents.Counter placed;

    public OrderService(ActiveOfertaCache ofertas, Reservations reservations, CartService cartService, BusinessEvents events) {
        this.ofertas = ofertas;
        this.placed = events.counter("mostrador.orders.placed", "Orders placed (from a cart or by staff)");
        this.reservations = reservations;
        this.cartService = cartService;
    }

    /** Delivery details, optional; lengths as the table allows. */
    public record Details(String direccion, String telefono, String nota) {
        public Details {
            direccion = blankToNull(direccion);
            telefono = blankToNull(telefono);
            nota = blankToNull(nota);
        }

        void check() {
            if (direccion != null && direccion.length() > 500) throw OrderRefused.invalid("direccion", "at most 500 characters");
            if (telefono != null && telefono.length() > 40) throw OrderRefused.invalid("telefono", "at most 40 characters");
            if (nota != null && nota.length() > 1000) throw OrderRefused.invalid("nota", "at most 1000 characters");
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }

    /**
     * The staff user's cart becomes an order: an open cart with products is reserved and sold in one
     * step; otherwise the latest checked-out cart not yet ordered has its reservations sold, while they
     * are alive (409 when they expired or were released: nothing is placed).
     */
    public long placeFromCart(DSLContext ctx, CurrentUser me, Details details) {
        try {
            return placed(placeFromCartOnce(ctx, me, details));
        } catch (DataAccessException e) {
            // The cart's customer was merged away meanwhile: the merge moved the cart to the winner, so once more.
            if (!customerGone(e)) throw e;
            return placed(placeFromCartOnce(ctx, me, details));
        }
    }

    private long placeFromCartOnce(DSLContext ctx, CurrentUser me, Details details) {
        details.check();
        ofertas.now(me.tenant());
        Messages m = Messages.of(me.tenant().locale());
        try {
            return ctx.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                OrderCarts.Cart cart;
                List<Long> reservas;
                if (carts.openWithItems(tx, me.tenantId(), me.userId())) {
                    CartService.Checkout checkout = cartService.checkout(tx, me, m);
                    cart = carts.find(tx, me.tenantId(), checkout.carritoId());
                    reservas = checkout.reservas().stream().map(Reserva::id).toList();
                } else {
                    cart = carts.lastReservedNotOrdered(tx, me.tenantId(), me.userId()).orElseThrow(() ->
                            new OrderRefused(422, "empty_cart", "the cart has no products", Map.of("cart", "the cart has no products")));
                    if (carts.ordered(tx, me.tenantId(), cart.id())) throw alreadyOrdered();
                    reservas = carts.aliveReservations(tx, me.tenantId(), cart.id()).orElseThrow(() -> expired(cart.id()));
                }
                Cotizacion quote = quote(tx, me, carts.items(tx, me.tenantId(), cart.id()));
                List<Pedido.Linea> lines = OrderLines.freeze(tx, me.tenantId(), quote, t -> m.t(t.clave(), t.args()));
                if (!OrderLines.units(lines).equals(carts.reservedUnits(tx, me.tenantId(), cart.id()))) {
                    throw OrderRefused.conflict("cart_changed", "the ofertas or products changed since cart " + cart.id()
                            + " was reserved; reserve it again");
                }
                long id = insert(tx, me, cart.customerId(), cart.id(), details, quote, lines);
                reservations.confirm(tx, me.tenantId(), reservas, me.userId(), StockLedger.Documento.pedido(id));
                return id;
            });
        } catch (Reservations.NotPending e) {
            throw expired(e.reserva.carritoId());
        } catch (DataAccessException e) {
            if (String.valueOf(e.getMessage()).contains("pedidos_carrito_key")) {
                throw alreadyOrdered();
            }
            throw e;
        }
    }

    /** An order taken by staff for a customer (or none): its lines reserved and sold in one step, or 409 naming each product short. */
    public long placeDirect(DSLContext ctx, CurrentUser me, Long customerId, List<LineaPedido> wanted, Details details) {
        try {
            return placed(placeDirectOnce(ctx, me, customerId, wanted, details));
        } catch (OrderRefused | DataAccessException e) {
            // A merge took the customer between our look-up (or our insert's foreign key check) and now:
            // the merge log names the customer that holds its rows, and the order goes there, once.
            boolean gone = e instanceof OrderRefused r ? r.status == 404 && r.fields.containsKey("customer_id") : customerGone((DataAccessException) e);
            if (customerId == null || !gone) throw e;
            Long winner = CustomerMerges.winnerOf(ctx, me.tenantId(), customerId).orElseThrow(() -> e);
            return placed(placeDirectOnce(ctx, me, winner, wanted, details));
        }
    }

    /** Counted when placed; inside a caller's transaction (an Idempotency-Key's) a later rollback still counts it. */
    private long placed(long id) {
        placed.increment();
        return id;
    }

    /** A foreign key violation on the order's customer: the customer was deleted (merged) under us. */
    private static boolean customerGone(DataAccessException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLException sql && "23503".equals(sql.getSQLState())) {
                return String.valueOf(sql.getMessage()).contains("customer_id");
            }
        }
        return false;
    }

    private long placeDirectOnce(DSLContext ctx, CurrentUser me, Long customerId, List<LineaPedido> wanted, Details details) {
        details.check();
        if (wanted.isEmpty()) throw OrderRefused.invalid("lineas", "at least one line");
        if (wanted.size() > MAX_LINES) throw OrderRefused.invalid("lineas", "at most " + MAX_LINES + " lines");
        ofertas.now(me.tenant());
        Messages m = Messages.of(me.tenant().locale());
        return ctx.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (customerId != null && !carts.customerExists(tx, me.tenantId(), customerId)) {
                throw OrderRefused.notFound("customer_id", "no customer " + customerId);
            }
            Cotizador.Result result = new Cotizador(new ProductoRepository(tx), ofertas).quote(me.tenant(), wanted);
            if (result.cotizacion() == null) {
                // Unknown (404) or inactive (409, naming each product short): only asked when the quote refused.
                Set<Long> known = carts.knownProducts(tx, me.tenantId(), wanted.stream().map(LineaPedido::productoId).toList());
                for (LineaPedido l : wanted) {
                    if (!known.contains(l.productoId())) throw OrderRefused.notFound("product_id", "no product " + l.productoId());
                }
                Map<Long, Integer> asked = new LinkedHashMap<>();
                wanted.forEach(l -> asked.merge(l.productoId(), l.cantidad(), Integer::sum));
                reservations.reserve(tx, me.tenantId(), asked, null, me.userId()); // names the inactive products short
                throw OrderRefused.conflict("not_enough_stock", "some products can no longer be sold");
            }
            List<Pedido.Linea> lines = OrderLines.freeze(tx, me.tenantId(), result.cotizacion(), t -> m.t(t.clave(), t.args()));
            long id = insert(tx, me, customerId, null, details, result.cotizacion(), lines);
            reservations.sell(tx, me.tenantId(), OrderLines.units(lines), me.userId(), StockLedger.Documento.pedido(id));
            return id;
        });
    }

    private Cotizacion quote(DSLContext tx, CurrentUser me, List<LineaPedido> items) {
        Cotizador.Result result = new Cotizador(new ProductoRepository(tx), ofertas).quote(me.tenant(), items);
        if (result.cotizacion() == null) {
            throw OrderRefused.conflict("cart_changed", "products " + result.productosInvalidos().values() + " can no longer be sold");
        }
        return result.cotizacion();
    }

    private long insert(DSLContext tx, CurrentUser me, Long customerId, Long cartId, Details d, Cotizacion quote, List<Pedido.Linea> lines) {
        long id = orders.insert(tx, me.tenantId(), new OrderRepository.NewPedido(customerId, me.userId(), cartId, d.direccion(), d.telefono(),
                d.nota(), me.tenant().currency(), quote.subtotal(), quote.descuentoTotal(), quote.total()));
        orders.insertLines(tx, me.tenantId(), id, lines);
        orders.event(tx, me.tenantId(), id, null, Pedido.CONFIRMADO, me.userId(), null);
        return id;
    }

    private static OrderRefused alreadyOrdered() {
        return OrderRefused.conflict("cart_already_ordered", "this cart already became an order");
    }

    private static OrderRefused expired(Long cartId) {
        return OrderRefused.conflict("reservations_expired", "the reservations of cart " + cartId
                + " expired or were released: nothing was ordered; reserve the cart again");
    }
}
