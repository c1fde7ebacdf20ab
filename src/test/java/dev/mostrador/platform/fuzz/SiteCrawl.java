package dev.mostrador.platform.fuzz;

import dev.mostrador.platform.web.Routes;
import io.javalin.http.HandlerType;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import static dev.mostrador.platform.fuzz.RoutePaths.destructive;
import static dev.mostrador.platform.fuzz.RoutePaths.endsDestructively;
import static dev.mostrador.platform.fuzz.RoutePaths.isApi;

/**
 * Rounds of: GET every route whose placeholders have real values (pages as their caller, the API
 * as an admin), then look for more real values. Then the public pages' forms are sent once as they
 * are and their answers read too: the portal shows its confirm form only after a code was verified.
 */
final class SiteCrawl {
    private static final int ROUNDS = 4;

    private SiteCrawl() {
    }

    static void run(RouteFindings findings, CallerSet callers, SeededData samples, ExecutorService pool) {
        PathValueDiscovery pathValues = new PathValueDiscovery(findings, callers);
        Set<String> crawled = new LinkedHashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<CompletableFuture<Void>> gets = new ArrayList<>();
            for (Routes.Route route : findings.routes()) {
                if (!HandlerType.GET.equals(route.method())) continue;
                String path = findings.resolved(route);
                if (path == null) continue;
                for (CallerKind kind : route.isPublic() ? List.of(CallerKind.ANONYMOUS, CallerKind.MERCHANT) : List.of(CallerKind.ADMIN)) {
                    if (!crawled.add(kind + " " + path)) continue;
                    gets.add(CompletableFuture.runAsync(() -> harvest(findings, callers.get(path, kind), kind, path), pool));
                }
            }
            gets.forEach(CompletableFuture::join);
            for (Routes.Route route : findings.routes()) if (!destructive(route)) pathValues.resolve(route);
        }
        for (Routes.Route route : findings.routes()) if (destructive(route)) pathValues.resolve(route);
        for (CallerKind kind : List.of(CallerKind.ANONYMOUS, CallerKind.MERCHANT)) {
            for (PageForm form : List.copyOf(findings.forms(kind))) {
                if (!form.method().equals("post") || endsDestructively(form.action()) || isApi(form.action())) continue;
                RouteBaseline asShown = RouteBaseline.blanksFilled(samples, form);
                HttpResponse<String> r = callers.get(form.action(), kind)
                        .send(FuzzRequest.plain("crawl", "POST", form.action(), asShown.form(), null));
                if (r != null && r.statusCode() < 300) findings.harvestPage(kind, form.action(), r.body());
            }
        }
    }

    private static void harvest(RouteFindings findings, FuzzCaller caller, CallerKind kind, String path) {
        HttpResponse<String> r = caller.send(FuzzRequest.plain("crawl", "GET", path, null, null));
        if (r == null || r.statusCode() != 200) return;
        if (isApi(path)) findings.harvestJson(r.body());
        else findings.harvestPage(kind, path, r.body());
    }
}
