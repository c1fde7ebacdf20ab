package dev.mostrador.platform.fuzz;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.mostrador.platform.web.ErrorPages;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.TestApp;
import io.javalin.http.HandlerType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.LoggerFactory;

import static dev.mostrador.platform.fuzz.RoutePaths.hasBody;
import static dev.mostrador.platform.fuzz.RoutePaths.isApi;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every registered route gets bad input in every parameter it has — path segments, query
 * strings, form fields, JSON fields and whole JSON bodies — and must never answer 5xx nor show a
 * Java exception. Built from the route table like RouteAccessTest: a new route is fuzzed the
 * moment it is registered. One container per route, one test per caller and parameter; a
 * failure lists every bad value with the status it got.
 *
 * <p>Who sends: staff routes a signed-in admin of a fresh tenant (a session with its CSRF token
 * for pages, a bearer token for /api/); public routes anonymously, or as a signed-in merchant
 * where only a merchant gets in (the portal forms only its pages show, the API that answers
 * anonymous callers 401). A caller that runs into a rate limit or loses its session (a fuzzed
 * /api/logout, a deactivated user) is replaced by a fresh one and the request sent again, so no
 * limit hides an answer ({@link CallerSet}).
 *
 * <p>Where the parameters come from: path placeholders from the route table, filled with a real
 * value ({@link PathValueDiscovery}); form fields from the forms the crawled pages show
 * ({@link SiteCrawl}); query, form and JSON names from {@link KnownParameterNames}, gathered by
 * grep. The baseline a bad value is put into is what a person or client would send
 * ({@link BaselineDiscovery}); the bad values are {@link BadValues}.
 */
class InputFuzzTest {
    /**
     * Requests in flight: one more than the app lets run at once on two cores (MOSTRADOR_MAX_ACTIVE_REQUESTS),
     * so none waits in its line long enough to be answered 503 by it.
     */
    private static final int PARALLEL = 4;
    private static ExecutorService pool;
    private static RouteFindings findings;
    private static final Map<Routes.Route, List<CallerKind>> callersOf = new LinkedHashMap<>();
    private static CallerSet callers;
    private static AttackPlan plan;

    /** The app's warnings that a value got as far as PostgreSQL before being refused. */
    private static final ListAppender<ILoggingEvent> refusedByDatabase = new ListAppender<>();

    @BeforeAll
    static void crawlAndProbe() {
        refusedByDatabase.start();
        ((Logger) LoggerFactory.getLogger(ErrorPages.class)).addAppender(refusedByDatabase);
        Fixtures.TestTenant tenant = Fixtures.tenant();
        findings = new RouteFindings(TestApp.get().routes().all());
        pool = Executors.newFixedThreadPool(PARALLEL);
        SeededData samples = SeededData.seed(tenant, findings);
        // The crawl runs as the tenant's first admin, the fuzz as admins made afterwards.
        CallerSet crawlCallers = CallerSet.forCrawl(tenant, samples.merchantKey());
        SiteCrawl.run(findings, crawlCallers, samples, pool);
        findings.fillUnresolved();
        for (Routes.Route route : findings.routes()) callersOf.put(route, callerKinds(route, crawlCallers));
        callers = CallerSet.forFuzz(tenant);
        BaselineDiscovery baselines = BaselineDiscovery.run(findings, callersOf, callers, samples);
        plan = new AttackPlan(findings, baselines, samples, tenant.tenant().slug());
    }

    @AfterAll
    static void stop() {
        if (pool != null) pool.shutdownNow();
        ((Logger) LoggerFactory.getLogger(ErrorPages.class)).detachAppender(refusedByDatabase);
    }

    @TestFactory
    List<DynamicContainer> noRouteAnswers5xxToBadInput() {
        List<Routes.Route> ordered = new ArrayList<>(findings.routes());
        ordered.sort(Comparator.comparing(RoutePaths::destructive));
        List<DynamicContainer> containers = new ArrayList<>();
        for (Routes.Route route : ordered) {
            List<DynamicNode> tests = new ArrayList<>();
            for (CallerKind kind : callersOf.get(route)) {
                FuzzCaller caller = callers.get(route.path(), kind);
                for (Map.Entry<String, List<FuzzRequest>> group : plan.groups(route, kind).entrySet()) {
                    // Every request is queued now, in route order: the threads stay busy while the tests wait for theirs.
                    List<CompletableFuture<String>> answers = group.getValue().stream()
                            .map(a -> CompletableFuture.supplyAsync(() -> AnswerCheck.problem(caller, a), pool)).toList();
                    tests.add(DynamicTest.dynamicTest(kind.label() + " · " + group.getKey(), () -> {
                        List<String> failures = answers.stream().map(CompletableFuture::join).filter(Objects::nonNull).distinct().toList();
                        if (!failures.isEmpty()) {
                            fail(route.method() + " " + route.path() + " as " + kind.label() + ", " + group.getKey() + ":\n  "
                                    + String.join("\n  ", failures));
                        }
                    }));
                }
            }
            containers.add(DynamicContainer.dynamicContainer(route.method() + " " + route.path(), tests));
        }
        // The database's refusal is only the last line of defence (a 400 that names no field):
        // every bad value must be caught at the edge or by validation, before any SQL runs.
        containers.add(DynamicContainer.dynamicContainer("every refusal", List.of(DynamicTest.dynamicTest(
                "came before the database", () -> {
                    List<String> reached = refusedByDatabase.list.stream().map(ILoggingEvent::getFormattedMessage)
                            .filter(m -> m.startsWith("input refused by the database")).distinct().limit(20).toList();
                    if (!reached.isEmpty()) fail("bad input reached PostgreSQL:\n  " + String.join("\n  ", reached));
                }))));
        return containers;
    }

    /** Staff routes: an admin. Public ones: anonymous, or a merchant where only the merchant's pages show the form or anonymous gets 401. */
    private static List<CallerKind> callerKinds(Routes.Route route, CallerSet crawlCallers) {
        if (!route.isPublic()) return List.of(CallerKind.ADMIN);
        String path = findings.path(route);
        if (isApi(path)) {
            HttpResponse<String> r = crawlCallers.get(path, CallerKind.ANONYMOUS).send(FuzzRequest.plain("probe", route.method().name(),
                    path, null, hasBody(route) ? "{}" : null));
            return r != null && r.statusCode() == 401 ? List.of(CallerKind.ANONYMOUS, CallerKind.MERCHANT) : List.of(CallerKind.ANONYMOUS);
        }
        if (HandlerType.GET.equals(route.method())) return List.of(CallerKind.ANONYMOUS);
        boolean anonymousForm = findings.formFor(route, CallerKind.ANONYMOUS, path) != null;
        boolean merchantForm = findings.formFor(route, CallerKind.MERCHANT, path) != null;
        return merchantForm && !anonymousForm ? List.of(CallerKind.MERCHANT) : List.of(CallerKind.ANONYMOUS);
    }
}
