package dev.mostrador.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The checkout row's clients: each load thread signs in as its own vendedor (one open cart per
 * user), fills its cart with {@link #LINES} distinct random products through
 * {@code POST /api/carrito/agregar/} before each checkout, off the clock (LoadRunner times from
 * just before the request it is handed), and hands over {@code POST /api/carrito/checkout/}.
 */
final class CartClients {
    static final int LINES = 5;
    private final String base;
    private final List<String> tokens;
    private final List<Long> products;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger clients = new AtomicInteger();
    private final ThreadLocal<Integer> client = ThreadLocal.withInitial(clients::getAndIncrement);
    // LoadRunner asks for request 0 twice (once for the address): the cart is filled once per index.
    private final ThreadLocal<Integer> filledFor = ThreadLocal.withInitial(() -> -1);
    private final AtomicLong refused = new AtomicLong();
    private volatile String firstRefusal;

    CartClients(String base, List<String> tokens, List<Long> products) {
        this.base = base;
        this.tokens = tokens;
        this.products = products;
    }

    /** The status of adding one unit of a product to the first client's cart: 404 while the cart API is not there. */
    int probe() throws Exception {
        HttpResponse<String> r = http.send(add(tokens.get(0), products.get(0)), HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    HttpRequest checkout(int i) {
        String token = tokens.get(client.get() % tokens.size());
        if (filledFor.get() != i) {
            filledFor.set(i);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (long product : random.ints(0, products.size()).distinct().limit(LINES).mapToObj(products::get).toList()) {
                try {
                    HttpResponse<String> r = http.send(add(token, product), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() >= 300) refuse("agregar HTTP " + r.statusCode() + ": " + r.body());
                } catch (Exception e) {
                    refuse("agregar: " + e);
                }
            }
        }
        return json(token, "/api/carrito/checkout/", "{}");
    }

    /** Lines refused while filling carts (they make the checkout that follows smaller). */
    String refusals() {
        return refused.get() == 0 ? "none" : refused.get() + " (first: " + firstRefusal + ")";
    }

    private void refuse(String why) {
        if (refused.getAndIncrement() == 0) firstRefusal = why;
    }

    private HttpRequest add(String token, long product) {
        return json(token, "/api/carrito/agregar/", "{\"product_id\":" + product + ",\"quantity\":1}");
    }

    private HttpRequest json(String token, String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
