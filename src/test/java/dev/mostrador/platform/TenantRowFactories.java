package dev.mostrador.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.support.Api;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.RewardsData;
import dev.mostrador.support.TestDatabase;
import dev.mostrador.users.UserRepository;
import org.jooq.Record;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Real rows of one tenant, made the way a client makes them, one kind for each path parameter the
 * routes take. {@link TenantIsolationRouteTest} fails for a route whose parameter is in neither
 * {@link #kinds()} nor {@link #EXCLUDED}: a new route joins one of them the day it is registered.
 */
final class TenantRowFactories {
    /**
     * Public routes with a path parameter that the test deliberately leaves out, and why. A route
     * is matched by its path up to and including its first parameter.
     */
    static final Map<String, String> EXCLUDED = Map.of(
            "/r/{code}", "the customer's landing page, its QR image and its state fragment: a code is unique across tenants and is "
                    + "the only tenant context these pages have (no host, slug nor session), so there is no tenant B to ask it under; "
                    + "LandingAndMerchantPortalTest covers unknown codes",
            "/t/{slug}", "a shop's public pages, logo and stylesheet: the slug names the tenant itself and is public by design; "
                    + "no row of another tenant can appear in the path");

    /** Public routes that a merchant's API key opens: tenant B's merchant asks for tenant A's code. */
    static final Set<String> MERCHANT_KEY = Set.of("/api/v1/rewards/merchant/redemptions/{code}", "/api/v1/rewards/redemptions/{code}");

    /** A real row: the value for the path, and where it lives, to read it back. */
    record Row(String value, String table, String column) {
        /** The whole row as JSON: another tenant's request must leave it exactly as it was. */
        String snapshot() {
            Record r = TestDatabase.get().dsl().fetchOne("SELECT row_to_json(t)::text FROM " + table + " t WHERE t." + column + "::text = ?", value);
            assertNotNull(r, () -> table + " " + value + " is gone");
            return r.get(0, String.class);
        }
    }

    private static final AtomicInteger SEQ = new AtomicInteger();
    private final Fixtures.TestTenant tenant;
    private final RewardsData rewards;

    TenantRowFactories(Fixtures.TestTenant tenant) {
        this.tenant = tenant;
        this.rewards = RewardsData.of(tenant);
    }

    /** How to make a real row for a route, keyed by the route's path up to and including its first parameter. */
    Map<String, Supplier<Row>> kinds() {
        Map<String, Supplier<Row>> kinds = new LinkedHashMap<>();
        kinds.put("/productos/{id}", this::producto);
        kinds.put("/api/productos/{id}", this::producto);
        kinds.put("/api/inventario/productos/{id}", this::producto);
        kinds.put("/inventario/conteos/{id}", this::conteo);
        kinds.put("/api/inventario/conteos/{id}", this::conteo);
        kinds.put("/ofertas/{id}", this::oferta);
        kinds.put("/api/ofertas/{id}", this::oferta);
        kinds.put("/users/{id}", this::user);
        kinds.put("/recompensas/clientes/{id}", this::customer);
        kinds.put("/importaciones/{id}", this::customerImport);
        kinds.put("/api/v1/rewards/customers/{id}", this::customer);
        kinds.put("/recompensas/intereses/{id}", this::interest);
        kinds.put("/recompensas/comercios/{id}", this::merchant);
        kinds.put("/api/v1/rewards/merchants/{id}", this::merchant);
        kinds.put("/recompensas/catalogo/{id}", this::rewardOffer);
        kinds.put("/api/v1/rewards/offers/{id}", this::rewardOffer);
        kinds.put("/recompensas/canjes/{id}", this::redemption);
        kinds.put("/api/v1/rewards/redemptions/{id}", this::redemption);
        kinds.put("/api/v1/rewards/merchant/redemptions/{code}", this::code);
        kinds.put("/api/v1/rewards/redemptions/{code}", this::code);
        kinds.put("/api/carrito/items/{id}", this::producto);
        kinds.put("/api/reservas/{id}", this::reserva);
        kinds.put("/inventario/reservas/{id}", this::reserva);
        kinds.put("/api/pedidos/{id}", this::pedido);
        kinds.put("/pedidos/{id}", this::pedido);
        kinds.put("/repartidores/{id}", this::repartidor);
        kinds.put("/api/repartidores/{id}", this::repartidor);
        kinds.put("/visitas/{id}", this::visita);
        kinds.put("/api/visitas/{id}", this::visita);
        return kinds;
    }

    /** The path up to and including its first parameter ("/users/{id}/edit" → "/users/{id}"), or null without one. */
    static String keyOf(String path) {
        int open = path.indexOf('{');
        return open < 0 ? null : path.substring(0, path.indexOf('}', open) + 1);
    }

    /** A fresh merchant's API key (shown only when it is made). */
    String merchantKey() {
        return rewards.merchant("Caja " + next(), null).get("api_key").asText();
    }

    private Row producto() {
        String sku = "TI-" + next();
        // Straight into the table: a product per route is more than the API's 30 writes a minute.
        Object id = TestDatabase.get().dsl().fetchValue("INSERT INTO productos (tenant_id, sku, nombre, precio) VALUES (?, ?, ?, 1990) RETURNING id",
                tenant.id(), sku, "Producto " + sku);
        return new Row(String.valueOf(id), "productos", "id");
    }

    /** A pending reservation of one unit of a product given one unit of stock. */
    private Row reserva() {
        long product = Long.parseLong(producto().value());
        var dsl = TestDatabase.get().dsl();
        var ledger = new dev.mostrador.inventory.StockLedger();
        long id = dsl.transactionResult(cfg -> {
            ledger.append(cfg.dsl(), tenant.id(), null, java.util.List.of(dev.mostrador.inventory.StockLedger.Movimiento.entrada(product, 1, "test")));
            return new dev.mostrador.inventory.Reservations(ledger, dev.mostrador.platform.metrics.BusinessEvents.NONE).reserve(cfg.dsl(), tenant.id(), Map.of(product, 1), null, null).get(0).id();
        });
        return new Row(String.valueOf(id), "reservas", "id");
    }

    private Row repartidor() {
        Object id = TestDatabase.get().dsl().fetchValue("INSERT INTO repartidores (tenant_id, nombre, telefono) VALUES (?, ?, '11 5555-0000') RETURNING id",
                tenant.id(), "Repartidor " + next());
        return new Row(String.valueOf(id), "repartidores", "id");
    }

    /** A planned visit of tenant A's admin to one of its customers, for tomorrow. */
    private Row visita() {
        long customer = Long.parseLong(customer().value());
        var dsl = TestDatabase.get().dsl();
        long user = new UserRepository(dsl).findForLogin(tenant.admin()).orElseThrow().getId();
        Object id = dsl.fetchValue("INSERT INTO visitas (tenant_id, customer_id, vendedor_id, planned_at, created_by) "
                + "VALUES (?, ?, ?, now() + interval '1 day', ?) RETURNING id", tenant.id(), customer, user, user);
        return new Row(String.valueOf(id), "visitas", "id");
    }

    /** A confirmed order of one unit, straight into the tables (what a transition of another tenant must leave alone). */
    private Row pedido() {
        long product = Long.parseLong(producto().value());
        var dsl = TestDatabase.get().dsl();
        long user = new UserRepository(dsl).findForLogin(tenant.admin()).orElseThrow().getId();
        Object id = dsl.fetchValue("INSERT INTO pedidos (tenant_id, user_id, moneda, subtotal, descuento, total) "
                + "VALUES (?, ?, 'CLP', 1990, 0, 1990) RETURNING id", tenant.id(), user);
        dsl.execute("INSERT INTO pedido_lineas (tenant_id, pedido_id, linea, producto_id, sku, nombre, precio_lista, cantidad, neto) "
                + "VALUES (?, ?, 1, ?, 'TI', 'Producto', 1990, 1, 1990)", tenant.id(), id, product);
        return new Row(String.valueOf(id), "pedidos", "id");
    }

    private Row conteo() {
        Api.Response r = rewards.admin.post("/api/inventario/conteos", Map.of("nota", "Conteo " + next()));
        assertEquals(201, r.status(), () -> "conteo: " + r.json());
        return new Row(r.json().get("id").asText(), "conteos", "id");
    }

    private Row oferta() {
        Api.Response r = rewards.admin.post("/api/ofertas", Map.of("titulo", "Oferta " + next(), "tipo", "porcentaje",
                "descuento_porcentaje", 10, "desde", LocalDate.now().minusDays(1) + "T00:00:00",
                "hasta", LocalDate.now().plusDays(7) + "T23:59:59"));
        assertEquals(200, r.status(), () -> "oferta: " + r.json());
        return new Row(r.json().get("id").asText(), "ofertas", "id");
    }

    private Row user() {
        String email = Fixtures.user(tenant, Role.VENDEDOR);
        long id = new UserRepository(TestDatabase.get().dsl()).findForLogin(email).orElseThrow().getId();
        return new Row(String.valueOf(id), "users", "id");
    }

    /** An uploaded customers import (its file stored, waiting for the mapping). */
    private Row customerImport() {
        var dsl = TestDatabase.get().dsl();
        long userId = dsl.fetchOne("SELECT id FROM users WHERE email = ?", tenant.admin()).get(0, Long.class);
        byte[] csv = "name,email\nAna,ana@a.test\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long id = new dev.mostrador.imports.ImportRepository(dsl).create(tenant.id(), userId, new dev.mostrador.imports.ImportRepository.NewImport(
                "customers", "a.csv", "0".repeat(64), csv, "UTF-8", ","));
        return new Row(String.valueOf(id), "imports", "id");
    }

    private Row customer() {
        int n = next();
        return new Row(String.valueOf(rewards.customer("Cliente " + n, "cliente-" + n + "@a.test", 100)), "customers", "id");
    }

    private Row interest() {
        Object id = TestDatabase.get().dsl().fetchValue("INSERT INTO intereses (tenant_id, nombre) VALUES (?, ?) RETURNING id", tenant.id(),
                "Interés " + next());
        return new Row(String.valueOf(id), "intereses", "id");
    }

    private Row merchant() {
        return new Row(rewards.merchant("Comercio " + next(), null).get("merchant_id").asText(), "rewards.merchants", "merchant_id");
    }

    private Row rewardOffer() {
        return new Row(rewards.offerAt("Premio " + next(), null, 10), "rewards.redemption_offers", "offer_id");
    }

    private Row redemption() {
        return new Row(pendingRedemption().get("redemption_id").asText(), "rewards.user_redemptions", "redemption_id");
    }

    private Row code() {
        return new Row(pendingRedemption().get("redemption_code").asText(), "rewards.user_redemptions", "redemption_code");
    }

    /** A pending code for a reward any merchant may confirm, so that only the tenant stands in the way. */
    private JsonNode pendingRedemption() {
        Row customer = customer();
        return rewards.redeem(rewards.admin, Long.parseLong(customer.value()), rewards.offerAt("Premio " + next(), null, 10));
    }

    private static int next() {
        return SEQ.incrementAndGet();
    }
}
