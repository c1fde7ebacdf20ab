package dev.mostrador.platform;

import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestApp;
import io.javalin.http.HandlerType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every registered route, for every role and for anonymous callers: the roles it declares are the
 * only ones let through. New routes are covered the moment they are registered.
 */
class RouteAccessTest {
    private static final Map<Role, Browser> browsers = new EnumMap<>(Role.class);
    private static Fixtures.TestTenant tenant;

    @BeforeAll
    static void signIn() {
        tenant = Fixtures.tenant();
        for (Role role : Role.values()) {
            browsers.put(role, new Browser().signedIn(tenant.emailFor(role)));
        }
    }

    @TestFactory
    List<DynamicTest> everyRouteEnforcesItsRoles() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Routes.Route route : TestApp.get().routes().all()) {
            if (route.isPublic()) continue;
            String path = route.path().replaceAll("\\{[^}]+}", "999999999");
            tests.add(DynamicTest.dynamicTest(route.method() + " " + route.path() + " anonymous", () -> {
                int status = anonymous(route.method(), path);
                assertTrue(status == 401 || (status == 303 && HandlerType.GET.equals(route.method()) && !path.startsWith("/api/")),
                        "anonymous got " + status);
            }));
            for (Role role : Role.values()) {
                tests.add(DynamicTest.dynamicTest(route.method() + " " + route.path() + " as " + role, () -> {
                    int status = as(role, route.method(), path);
                    if (route.roles().contains(role)) {
                        assertFalse(status == 401 || status == 403, role + " is allowed but got " + status);
                    } else {
                        assertEquals(403, status, role + " is not allowed");
                    }
                }));
            }
        }
        return tests;
    }

    private static int as(Role role, HandlerType method, String path) {
        if (path.startsWith("/api/")) {
            // A fresh token per call: routes such as /api/logout revoke the one they are given.
            Api api = new Api().withToken(Fixtures.apiToken(tenant.emailFor(role)));
            if (HandlerType.GET.equals(method)) return api.get(path).status();
            if (HandlerType.DELETE.equals(method)) return api.delete(path).status();
            if (HandlerType.PUT.equals(method)) return api.put(path, Map.of()).status();
            return api.post(path, Map.of()).status();
        }
        Browser b = browsers.get(role);
        return HandlerType.GET.equals(method) ? b.get(path).statusCode() : b.post(path, Map.of()).statusCode();
    }

    private static int anonymous(HandlerType method, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestApp.baseUrl() + path));
        request.method(method.name(), HandlerType.GET.equals(method) ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("{}"));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
