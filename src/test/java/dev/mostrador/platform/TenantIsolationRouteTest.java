package dev.mostrador.platform;

import dev.mostrador.platform.TenantRowFactories.Row;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.RewardsData;
import dev.mostrador.support.TestApp;
import io.javalin.http.HandlerType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The twin of {@link RouteAccessTest} for tenancy: every registered route with a path parameter,
 * given a real row of tenant A, answers 404 to tenant B (its staff, by session with a valid CSRF
 * token or by API token, or its merchant's key) and leaves the row exactly as it was; tenant A's
 * own staff get a GET route's page, so the 404 is not a broken URL. B's requests carry no form
 * fields or an empty JSON object: another tenant's id is unknown before any validation.
 * Built from the route table, so a route is covered the day it is registered.
 */
class TenantIsolationRouteTest {
    private static final Map<String, Browser> browsers = new ConcurrentHashMap<>();
    private static Fixtures.TestTenant a;
    private static Fixtures.TestTenant b;
    private static TenantRowFactories rowsOfA;
    private static String merchantKeyOfA;
    private static String merchantKeyOfB;

    @BeforeAll
    static void twoTenants() {
        a = Fixtures.tenant();
        b = Fixtures.tenant();
        rowsOfA = new TenantRowFactories(a);
        merchantKeyOfA = rowsOfA.merchantKey();
        merchantKeyOfB = RewardsData.of(b).merchant("Caja de B").get("api_key").asText();
    }

    @TestFactory
    List<DynamicTest> anotherTenantsRowIsNotFoundOnEveryRoute() {
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, Supplier<Row>> kinds = rowsOfA.kinds();
        for (Routes.Route route : TestApp.get().routes().all()) {
            String key = TenantRowFactories.keyOf(route.path());
            if (key == null || TenantRowFactories.EXCLUDED.containsKey(key)) continue;
            String name = route.method() + " " + route.path();
            Supplier<Row> make = kinds.get(key);
            String missing = make == null ? "no factory makes a real row of tenant A for " + key + ": add one to TenantRowFactories.kinds()"
                    : route.path().indexOf('{', key.length()) >= 0 ? "a second path parameter: teach this test to fill it"
                    : route.isPublic() && !TenantRowFactories.MERCHANT_KEY.contains(key) ? "a public route: say in TenantRowFactories how tenant B's public context calls it"
                    : null;
            if (missing != null) {
                tests.add(dynamicTest(name + " is covered", () -> fail(name + ": " + missing + " (or exclude it in TenantRowFactories.EXCLUDED with the reason)")));
                continue;
            }
            tests.add(dynamicTest(name + " as tenant B", () -> {
                Row row = make.get();
                String before = row.snapshot();
                int status = call(route, row.value(), b);
                assertEquals(404, status, () -> name + " with tenant A's " + row.value() + " as tenant B");
                assertEquals(before, row.snapshot(), () -> name + " as tenant B changed tenant A's row");
            }));
            if (HandlerType.GET.equals(route.method())) {
                tests.add(dynamicTest(name + " as tenant A (control)", () -> {
                    Row row = make.get();
                    int status = call(route, row.value(), a);
                    assertFalse(status == 404 || status >= 500, () -> name + " as tenant A got " + status + ": the URL itself is broken");
                }));
            }
        }
        assertTrue(tests.size() > 40, "the route table lists the routes with a parameter: " + tests.size());
        return tests;
    }

    /** Calls the route with {@code value} in its path, as the tenant's merchant (public routes) or staff member in the route's roles. */
    private static int call(Routes.Route route, String value, Fixtures.TestTenant tenant) {
        String path = route.path().replaceFirst("\\{[^}]+}", value);
        if (route.isPublic()) return send(new Api().withToken(tenant == a ? merchantKeyOfA : merchantKeyOfB), route.method(), path);
        String email = tenant.emailFor(route.roles().contains(Role.ADMIN) ? Role.ADMIN : route.roles().iterator().next());
        // A fresh token per call, as in RouteAccessTest: a route may revoke the one it is given.
        if (path.startsWith("/api/")) return send(new Api().withToken(Fixtures.apiToken(email)), route.method(), path);
        Browser browser = browsers.computeIfAbsent(email, e -> new Browser().signedIn(e));
        return HandlerType.GET.equals(route.method()) ? browser.get(path).statusCode() : browser.post(path, Map.of()).statusCode();
    }

    private static int send(Api api, HandlerType method, String path) {
        if (HandlerType.GET.equals(method)) return api.get(path).status();
        if (HandlerType.DELETE.equals(method)) return api.delete(path).status();
        if (HandlerType.PUT.equals(method)) return api.put(path, Map.of()).status();
        if (HandlerType.POST.equals(method)) return api.post(path, Map.of()).status();
        throw new AssertionError("no way to send " + method + " " + path + " yet");
    }
}
