package dev.mostrador.platform;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.rewards.MerchantKeys;
import dev.mostrador.rewards.MerchantRepository;
import dev.mostrador.support.Api;
import dev.mostrador.support.Browser;
import dev.mostrador.support.Fixtures;
import dev.mostrador.support.MerchantPortal;
import dev.mostrador.support.RewardsData;
import dev.mostrador.support.TestApp;
import dev.mostrador.support.TestDatabase;
import io.javalin.http.HandlerType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every registered route gets bad input in every parameter it has — path segments, query
 * strings, form fields, JSON fields and whole JSON bodies — and must never answer 5xx nor show a
 * Java exception. Built from the route table like {@link RouteAccessTest}: a new route is fuzzed
 * the moment it is registered. One container per route, one test per caller and parameter; a
 * failure lists every bad value with the status it got.
 *
 * <p>Who sends: staff routes a signed-in admin of a fresh tenant (a session with its CSRF token
 * for pages, a bearer token for /api/); public routes anonymously, or as a signed-in merchant
 * where only a merchant gets in (the portal forms only its pages show, the API that answers
 * anonymous callers 401). A caller that runs into a rate limit or loses its session (a fuzzed
 * /api/logout, a deactivated user) is replaced by a fresh one and the request sent again, so no
 * limit hides an answer.
 *
 * <p>Where the parameters come from: path placeholders from the route table, filled with a real
 * value (from the links of the crawled pages or the ids in the JSON answers, checked by a GET) so
 * that the other parameters reach the code behind the lookup; form fields from the forms the
 * crawled pages show; query, form and JSON names from the lists below, gathered by grep. The
 * baseline a bad value is put into is what a person or client would send: the form as shown with
 * its required fields filled, a JSON object of the fields the route names in its 422 — corrected
 * until the app accepts it, so one bad field at a time really reaches the database.
 */
class InputFuzzTest {
    // ---- Names, gathered by hand from src/main/java ----

    /** grep -rhoE '(queryParams?\(|intOr\(ctx, |query\(ctx, |param\(ctx, )"[a-z_]+"' src/main/java | sort -u */
    private static final List<String> QUERY_NAMES = List.of("activo", "all", "before", "cantidad", "estado", "from", "limit",
            "merchant", "next", "offer", "offset", "page", "q", "regalo_sku", "sku", "status", "tenant", "tipo", "to");

    /** grep -rhoE '(formParams?\(|form\(ctx, |f\(ctx, )"[a-z_]+"' src/main/java | sort -u — for a POST whose form no page shows. */
    private static final List<String> FORM_NAMES = List.of("activa", "active", "activo", "amount", "api_key", "code",
            "code_lifetime_hours", "compra_cantidad", "contact_email", "contact_phone", "descripcion", "description",
            "descuento_porcentaje", "desde", "direction", "email", "hasta", "is_active", "lumis_cost", "merchant_id", "merchant_name",
            "merchant_type", "name", "name_friendly", "next", "nombre", "offer_category", "offer_id", "paga_cantidad", "password",
            "phone", "precio", "productos", "productos_skus", "reason", "regalo_cantidad", "regalo_producto_id", "reglas_cantidad",
            "reglas_precio", "role", "sku", "stock_quantity", "tipo", "titulo", "valid_from", "valid_to", "webhook_url");

    /**
     * grep -rhoE '(\.(text|decimal|integer|longValue|bool|has|hasNonNull|get)\(|(text|scalar|uuid)\((json|body), )"[a-z_]+"'
     * src/main/java | sort -u — JsonInput's readers, JsonNode.get, AuthRoutes' text(body, …).
     */
    private static final List<String> JSON_FIELDS = List.of("activa", "activo", "amount", "cantidad", "code_lifetime_hours",
            "compra_cantidad", "contact_email", "contact_phone", "customer_id", "descripcion", "description", "descuento_porcentaje",
            "desde", "email", "hasta", "id", "is_active", "lineas", "lumis_cost", "merchant_id", "merchant_name", "merchant_type",
            "name", "name_friendly", "nombre", "offer_category", "offer_id", "paga_cantidad", "password", "phone", "precio",
            "producto_id", "productos", "reason", "regalo_cantidad", "regalo_producto_id", "reglas", "sku", "stock_quantity", "tipo",
            "titulo", "valid_from", "valid_to", "webhook_url");

    /** Fields of the objects inside JSON arrays (lineas[], reglas[], productos[]): l.get("producto_id"), rule.get("cantidad"), … */
    private static final List<String> NESTED_FIELDS = List.of("cantidad", "id", "precio", "producto_id");

    // ---- Bad values ----

    /** Writes JSON strings with every non-ASCII character escaped: a lone surrogate stays one. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final String LONG = "x".repeat(10_000);
    /** Parses as a Java date-time, lies far beyond PostgreSQL's timestamps. */
    private static final String FAR_DATE = "+999999999-12-31T23:59:59";
    /** For query strings and form fields (percent-encoded as UTF-8; a lone surrogate as its invalid three bytes). */
    private static final List<String> BAD_TEXT = List.of("a\u0000b", "a\u0001\u001b\u007fb", "a\uD800b", "1e309", "-1e309", "1e-400",
            "99999999999999999999999", "9223372036854775808", "-1", "NaN", FAR_DATE, LONG);
    /** For path segments, inserted as they are (already percent-encoded). */
    private static final List<String> BAD_PATH = List.of("%00", "a%00b", "1%00", "%01%1B%7F", "%ED%A0%80", "%FF", "-1", "0",
            "99999999999999999999999", "9223372036854775808", "1e309", "NaN", "not-a-uuid", "00000000-0000-0000-0000-00000000000%00",
            LONG);
    /** Whole request bodies for JSON routes: not JSON, not an object, a NUL byte. */
    private static final List<String> BAD_BODY = List.of("", "{", "[]", "null", "1e309", "\"a\\u0000b\"", "\u0000",
            "{\"a\":\"\\ud800\"}", "{\"a\":1e309}");
    /** JSON texts for one field: numbers out of range, wrong types, bad strings. */
    private static final List<String> BAD_JSON = badJson();
    /** Arrays of bad values, and of objects whose every field is bad: for fields that hold arrays (lineas, reglas, productos). */
    private static final List<String> BAD_JSON_ARRAYS = badJsonArrays(List.of("1e309", "99999999999999999999999", "-1",
            quote("a\u0000b"), "{}", "null"));
    private static final Values ALL = new Values(BAD_TEXT, BAD_JSON, BAD_JSON_ARRAYS, BAD_BODY);
    /**
     * The sharpest of each, for routes whose every request costs a bcrypt (sign-ins, new users, new
     * merchant keys: a quarter of a second or more each), so that the whole test stays near a minute.
     */
    private static final Values SHARP = new Values(List.of("a\u0000b", "a\u0001\u001b\u007fb", "a\uD800b", "1e309", FAR_DATE, LONG),
            List.of("1e309", "99999999999999999999999", "[]", "{}", quote("a\u0000b"), quote("a\uD800b"), quote(FAR_DATE), quote(LONG)),
            badJsonArrays(List.of("1e309", quote("a\u0000b"))), List.of("", "{", "\u0000"));
    /** A route is slow when its baseline request takes longer than this, and five times the typical one. */
    private static final long SLOW_MILLIS = 250;

    private record Values(List<String> text, List<String> scalarJson, List<String> arrayJson, List<String> body) {
        List<String> json(boolean arrays) {
            if (!arrays) return scalarJson;
            List<String> all = new ArrayList<>(scalarJson);
            all.addAll(arrayJson);
            return all;
        }
    }

    /** A Java exception or stack frame, or a database error, in an answer. */
    private static final Pattern STACK_TRACE = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b"
            + "|\\b[A-Z][A-Za-z0-9]*Exception\\b|\\bat [a-z][\\w$.]*\\([\\w$]+\\.java:\\d+\\)|\\bPSQL|\\bSQLState\\b");
    /** Routes that end or delete what they are given: they run last, on the other one of the seeded twins. */
    private static final Set<String> DESTRUCTIVE = Set.of("delete", "deactivate", "cancel", "logout", "rotate", "rotate-key");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    /**
     * Requests in flight: one more than the app lets run at once on two cores (MOSTRADOR_MAX_ACTIVE_REQUESTS),
     * so none waits in its line long enough to be answered 503 by it.
     */
    private static final int PARALLEL = 4;
    private static final AtomicInteger SEQ = new AtomicInteger();

    private enum Who {
        ADMIN, ANONYMOUS, MERCHANT;

        String label() {
            return name().toLowerCase();
        }
    }

    private static Fixtures.TestTenant tenant;
    private static ExecutorService pool;
    private static List<Routes.Route> routes;
    /** Valid values of id-like fields, from the seeded data. */
    private static final Map<String, Object> seeded = new LinkedHashMap<>();
    /** Candidates for path placeholders: ids and codes of the JSON answers seen. */
    private static final Set<String> jsonIds = new LinkedHashSet<>();
    private static final Map<Who, Set<String>> links = new EnumMap<>(Who.class);
    private static final Map<Who, List<Form>> forms = new EnumMap<>(Who.class);
    private static final Map<Routes.Route, Map<String, String>> realValues = new ConcurrentHashMap<>();
    private static final Map<Routes.Route, List<Who>> callersOf = new LinkedHashMap<>();
    /** Per route and caller ("POST /x ADMIN"): the valid request to put bad values into, its time, and whether it is slow. */
    private static final Map<String, Baseline> baselines = new LinkedHashMap<>();
    private static final Map<String, Long> millis = new LinkedHashMap<>();
    private static final Set<String> slow = new LinkedHashSet<>();
    /** Destructive routes left with a value other routes use too: their baseline is not sent before the others ran. */
    private static final Set<Routes.Route> shared = new LinkedHashSet<>();
    private static final Map<Who, Caller> pageCallers = new EnumMap<>(Who.class);
    private static final Map<Who, Caller> apiCallers = new EnumMap<>(Who.class);

    @BeforeAll
    static void crawlAndProbe() {
        tenant = Fixtures.tenant();
        routes = TestApp.get().routes().all();
        pool = Executors.newFixedThreadPool(PARALLEL);
        seed();
        // The crawl runs as the tenant's first admin, the fuzz as admins made afterwards: no fuzzed
        // POST /users/{id} targets the session that sends it.
        Map<Who, Caller> crawlPages = new EnumMap<>(Who.class);
        crawlPages.put(Who.ADMIN, Caller.adminPages(tenant.admin()));
        crawlPages.put(Who.ANONYMOUS, Caller.anonymousPages());
        // The seeded offer's own merchant: the portal shows it the confirm form of the seeded code.
        crawlPages.put(Who.MERCHANT, Caller.merchantPages((String) seeded.get("api_key"), Integer.MAX_VALUE));
        Map<Who, Caller> crawlApi = new EnumMap<>(Who.class);
        crawlApi.put(Who.ADMIN, Caller.adminApi());
        crawlApi.put(Who.ANONYMOUS, Caller.anonymousApi());
        crawlApi.put(Who.MERCHANT, Caller.merchantApi());
        for (Who who : Who.values()) {
            links.put(who, new LinkedHashSet<>());
            forms.put(who, new ArrayList<>());
        }
        crawl(crawlPages, crawlApi);
        for (Routes.Route route : routes) {
            Map<String, String> values = realValues.computeIfAbsent(route, r -> new LinkedHashMap<>());
            for (String name : placeholders(route.path())) {
                // Unresolved: the value of a same-named placeholder elsewhere ({code} of /r/{code}), else any id.
                values.computeIfAbsent(name, n -> realValues.values().stream().map(v -> v.get(n)).filter(Objects::nonNull)
                        .findFirst().orElse("1"));
            }
        }
        for (Routes.Route route : routes) callersOf.put(route, callers(route, crawlApi));
        pageCallers.put(Who.ADMIN, Caller.adminPages(null));
        pageCallers.put(Who.ANONYMOUS, Caller.anonymousPages());
        pageCallers.put(Who.MERCHANT, Caller.merchantPages(null, 8));
        apiCallers.put(Who.ADMIN, Caller.adminApi());
        apiCallers.put(Who.ANONYMOUS, Caller.anonymousApi());
        apiCallers.put(Who.MERCHANT, Caller.merchantApi());
        // One at a time: each is timed alone.
        for (Routes.Route route : routes) {
            if (!hasBody(route)) continue;
            for (Who who : callersOf.get(route)) baselines.put(route + " " + who, baseline(route, who));
        }
        // Slow: far slower than the typical baseline (the machine's load slows them all alike).
        long median = millis.values().stream().sorted().skip(millis.size() / 2).findFirst().orElse(0L);
        millis.forEach((key, ms) -> {
            if (ms > Math.max(SLOW_MILLIS, 5 * median)) slow.add(key);
        });
    }

    @AfterAll
    static void stop() {
        if (pool != null) pool.shutdownNow();
    }

    @TestFactory
    List<DynamicContainer> noRouteAnswers5xxToBadInput() {
        List<Routes.Route> ordered = new ArrayList<>(routes);
        ordered.sort(Comparator.comparing(InputFuzzTest::destructive));
        List<DynamicContainer> containers = new ArrayList<>();
        for (Routes.Route route : ordered) {
            List<DynamicNode> tests = new ArrayList<>();
            for (Who who : callersOf.get(route)) {
                Caller caller = callerFor(route.path(), who);
                for (Map.Entry<String, List<Attempt>> group : plan(route, who).entrySet()) {
                    // Every request is queued now, in route order: the threads stay busy while the tests wait for theirs.
                    List<CompletableFuture<String>> answers = group.getValue().stream()
                            .map(a -> CompletableFuture.supplyAsync(() -> check(caller, a), pool)).toList();
                    tests.add(DynamicTest.dynamicTest(who.label() + " · " + group.getKey(), () -> {
                        List<String> failures = answers.stream().map(CompletableFuture::join).filter(Objects::nonNull).distinct().toList();
                        if (!failures.isEmpty()) {
                            fail(route.method() + " " + route.path() + " as " + who.label() + ", " + group.getKey() + ":\n  "
                                    + String.join("\n  ", failures));
                        }
                    }));
                }
            }
            containers.add(DynamicContainer.dynamicContainer(route.method() + " " + route.path(), tests));
        }
        return containers;
    }

    // ---- What is sent ----

    /**
     * One request: method, path with its query, and a body — form fields (the caller's CSRF token
     * added unless the field itself is fuzzed) or JSON text.
     */
    private record Attempt(String param, String value, String method, String path, List<Map.Entry<String, String>> form,
                           String json, boolean fuzzesCsrf) {
    }

    /** Every group of requests for a route and caller: the group is what a failure names. */
    private static Map<String, List<Attempt>> plan(Routes.Route route, Who who) {
        Map<String, List<Attempt>> groups = new LinkedHashMap<>();
        String method = route.method().name();
        boolean api = isApi(route.path());
        String key = route + " " + who;
        Values values = slow.contains(key) ? SHARP : ALL;
        Map<String, String> real = realValues.get(route);
        String path = fill(route.path(), real, null, null);
        Baseline base = baselines.get(key);

        for (String p : placeholders(route.path())) {
            groups.put("path " + p, BAD_PATH.stream().map(v -> new Attempt("path " + p, v, method, fill(route.path(), real, p, v),
                    base == null || api ? null : base.form(), base == null || !api ? null : base.json(null, null), false)).toList());
        }
        if (HandlerType.GET.equals(route.method())) {
            List<String> own = forms.get(who).stream()
                    .filter(f -> f.method().equals("get") && pattern(route.path()).matcher(f.action()).matches())
                    .flatMap(f -> f.names().stream()).distinct().filter(n -> !n.equals("_csrf")).toList();
            Set<String> names = new LinkedHashSet<>(QUERY_NAMES);
            names.addAll(own);
            groups.put("query (every name at once)", values.text().stream().map(v -> new Attempt("query *", v, method,
                    path + "?" + query(names, v, null), null, null, false)).toList());
            if (route.isPublic()) {
                // Anonymous callers name their tenant in the query: a bad one alone would hide the others.
                String slug = tenant.tenant().slug();
                groups.put("query (every name at once but a real tenant)", values.text().stream().map(v -> new Attempt(
                        "query * (tenant=" + slug + ")", v, method, path + "?" + query(names, v, slug), null, null, false)).toList());
            }
            for (String n : own) {
                groups.put("query " + n, values.text().stream().map(v -> new Attempt("query " + n, v, method,
                        path + "?" + pct(n) + "=" + pct(v), null, null, false)).toList());
            }
        }
        if (base != null && !api) {
            List<String> fields = base.fields() != null ? base.fields().stream().map(Field::name).distinct().toList() : FORM_NAMES;
            if (base.fields() != null) {
                for (String f : fields) {
                    groups.put("form " + f, values.text().stream().map(v -> new Attempt("form " + f, v, method, path,
                            replaced(base.form(), f, v), null, f.equals("_csrf"))).toList());
                }
            }
            List<String> bare = fields.stream().filter(f -> !f.equals("_csrf")).toList();
            if (!bare.isEmpty()) {
                groups.put(base.fields() != null ? "form (every field at once)" : "form (every known name at once: no page shows its form)",
                        values.text().stream().map(v -> new Attempt("form *", v, method, path,
                                bare.stream().map(f -> Map.entry(f, v)).toList(), null, false)).toList());
            }
        }
        if (base != null && api) {
            groups.put("body", values.body().stream().map(v -> new Attempt("body", v, method, path, null, v, false)).toList());
            // A route that names no field reads none: every field at once gets the sharp values only.
            Values everyField = base.named().isEmpty() ? SHARP : values;
            groups.put("json (every known field at once)", everyField.json(true).stream().map(v -> new Attempt("json *", v, method,
                    path, null, JSON_FIELDS.stream().map(f -> quote(f) + ":" + v).collect(Collectors.joining(",", "{", "}")), false))
                    .toList());
            Set<String> fields = new LinkedHashSet<>(base.named());
            fields.addAll(base.jsonFields());
            for (String f : fields) {
                groups.put("json " + f, values.json(sample(f) instanceof List).stream().map(v -> new Attempt("json " + f, v, method,
                        path, null, base.json(f, v), false)).toList());
            }
        }
        return groups;
    }

    /** Sends one attempt; null when the answer is fine, else what is wrong with it. */
    private static String check(Caller caller, Attempt a) {
        HttpResponse<String> r;
        try {
            r = sendOrThrow(caller, a);
        } catch (IOException e) {
            return a.param() + " = " + label(a.value()) + " → no answer (" + e + ")";
        }
        if (r.statusCode() >= 500) return a.param() + " = " + label(a.value()) + " → " + r.statusCode();
        Matcher m = STACK_TRACE.matcher(r.body() == null ? "" : r.body());
        if (m.find()) return a.param() + " = " + label(a.value()) + " → " + r.statusCode() + " showing \"" + m.group() + "\"";
        return null;
    }

    private static HttpResponse<String> send(Caller caller, Attempt a) {
        try {
            return sendOrThrow(caller, a);
        } catch (IOException e) {
            return null;
        }
    }

    /** Sends as the caller's current identity; replaces an identity that is used up (rate-limited, signed out) and sends again. */
    private static HttpResponse<String> sendOrThrow(Caller caller, Attempt a) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Identity id = caller.take();
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestApp.baseUrl() + a.path())).timeout(Duration.ofSeconds(60))
                    .header("X-Forwarded-For", id.ip() != null ? id.ip() : randomIp());
            id.headers().forEach(b::header);
            if (id.cookie() != null) b.header("Cookie", id.cookie());
            String body = null;
            if (a.form() != null) {
                List<Map.Entry<String, String>> fields = new ArrayList<>(a.form());
                if (!a.fuzzesCsrf() && id.csrf() != null) fields.add(0, Map.entry("_csrf", id.csrf()));
                body = fields.stream().map(e -> pct(e.getKey()) + "=" + pct(e.getValue())).collect(Collectors.joining("&"));
                b.header("Content-Type", "application/x-www-form-urlencoded");
            } else if (a.json() != null) {
                body = a.json();
                b.header("Content-Type", "application/json");
            }
            if (isApi(a.path())) b.header("Accept", "application/json");
            b.method(a.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> r;
            try {
                r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            } catch (IOException e) {
                // A kept-alive connection the server closed after its previous answer (a 400 for a bad URI): once more on a new one.
                if (attempt >= 2) throw e;
                continue;
            }
            if (attempt < 2 && caller.usedUp(r)) {
                caller.replace(id);
                continue;
            }
            return r;
        }
    }

    // ---- The valid request each bad value goes into ----

    /**
     * Form routes: the form's fields (null when no page shows one). JSON routes: the fields the
     * route names when every known field has the wrong type, and the fields of its valid body.
     */
    private record Baseline(List<Field> fields, Set<String> named, Set<String> jsonFields) {
        /** The form as sent unchanged: required blanks filled with fresh valid values, unchecked boxes left out, no CSRF token. */
        List<Map.Entry<String, String>> form() {
            if (fields == null) return List.of();
            return fields.stream().filter(f -> !f.name().equals("_csrf") && !f.kind().equals("off"))
                    .map(f -> Map.entry(f.name(), f.kind().equals("fill") && f.value().isEmpty() ? sampleText(f.name()) : f.value()))
                    .toList();
        }

        /** The valid JSON body (fresh values where they must be unique), one field (when given) replaced by a bad JSON text. */
        String json(String fuzzed, String bad) {
            List<String> parts = new ArrayList<>();
            for (String f : jsonFields) {
                if (f.equals(fuzzed)) continue;
                Object v = sample(f);
                if (v != null) parts.add(quote(f) + ":" + write(v));
            }
            if (fuzzed != null) parts.add(quote(fuzzed) + ":" + bad);
            return "{" + String.join(",", parts) + "}";
        }
    }

    /**
     * The valid request of a route with a body, corrected until the app accepts it: a field its
     * 422 names is filled when blank or missing, emptied or dropped when filled. The quicker of
     * its first two sends is its time: see {@link #SLOW_MILLIS}.
     */
    private static Baseline baseline(Routes.Route route, Who who) {
        Caller caller = callerFor(route.path(), who);
        String path = fill(route.path(), realValues.get(route), null, null);
        boolean api = isApi(path);
        Baseline base;
        if (api) {
            Set<String> named = fieldsNamedBy(route, caller, path);
            base = new Baseline(null, named, new LinkedHashSet<>(named));
        } else {
            Form form = formFor(route, who, path);
            base = new Baseline(form == null ? null : new ArrayList<>(form.fields()), Set.of(), Set.of());
        }
        for (int round = 0; round < 4 && !shared.contains(route); round++) {
            caller.take(); // a new identity is made before the clock starts
            long start = System.nanoTime();
            HttpResponse<String> r = send(caller, new Attempt("baseline", "", route.method().name(), path,
                    api ? null : base.form(), api ? base.json(null, null) : null, false));
            millis.merge(route + " " + who, (System.nanoTime() - start) / 1_000_000, Math::min);
            if (r == null || r.statusCode() != 422) {
                if (round == 0) continue;
                break;
            }
            Set<String> rejected = api ? jsonErrorFields(r.body()) : pageErrorFields(r.body(), base.fields());
            if (rejected.isEmpty()) break;
            for (String name : rejected) {
                if (api) {
                    if (!base.jsonFields().remove(name) && sample(name) != null) base.jsonFields().add(name);
                    continue;
                }
                for (int i = 0; i < base.fields().size(); i++) {
                    Field f = base.fields().get(i);
                    if (!f.name().equals(name)) continue;
                    boolean blank = f.kind().equals("off") || f.value().isEmpty();
                    base.fields().set(i, blank ? new Field(f.name(), "", "fill", f.id()) : new Field(f.name(), "", "as-is", f.id()));
                }
            }
        }
        return base;
    }

    /** The fields a JSON route names in its 422 when every known field has the wrong type: the fields it reads. */
    private static Set<String> fieldsNamedBy(Routes.Route route, Caller caller, String path) {
        Set<String> named = new LinkedHashSet<>();
        for (String wrong : List.of("[]", "{}", quote(LONG), "-1")) {
            String body = JSON_FIELDS.stream().map(f -> quote(f) + ":" + wrong).collect(Collectors.joining(",", "{", "}"));
            HttpResponse<String> r = send(caller, new Attempt("probe", "", route.method().name(), path, null, body, false));
            if (r != null && r.statusCode() == 422) named.addAll(jsonErrorFields(r.body()));
        }
        return named;
    }

    private static Set<String> jsonErrorFields(String body) {
        Set<String> names = new LinkedHashSet<>();
        try {
            JsonNode fields = Api.JSON.readTree(body).get("fields");
            if (fields != null) fields.fieldNames().forEachRemaining(names::add);
        } catch (IOException | RuntimeException ignored) {
            // no field names to learn
        }
        names.remove("body");
        return names;
    }

    private static final Pattern ERROR_SUMMARY = Pattern.compile("id=\"error-summary\"(.*?)</div>", Pattern.DOTALL);
    private static final Pattern ERROR_LINK = Pattern.compile("href=\"#([^\"]+)\"");

    /** The fields a page's error summary links to (by their element id). */
    private static Set<String> pageErrorFields(String html, List<Field> fields) {
        Set<String> names = new LinkedHashSet<>();
        if (fields == null) return names;
        Matcher summary = ERROR_SUMMARY.matcher(html);
        if (!summary.find()) return names;
        Matcher link = ERROR_LINK.matcher(summary.group(1));
        while (link.find()) {
            String id = link.group(1);
            fields.stream().filter(f -> id.equals(f.id()) || id.equals(f.name())).map(Field::name).findFirst().ifPresent(names::add);
        }
        return names;
    }

    // ---- Who sends it ----

    /** Cookies and CSRF token of a page session, or the headers of an API caller; ip null: a new one per request. */
    private record Identity(String cookie, String csrf, Map<String, String> headers, String ip, AtomicInteger uses) {
        Identity(String cookie, String csrf, Map<String, String> headers, String ip) {
            this(cookie, csrf, headers, ip, new AtomicInteger());
        }
    }

    /** Hands out an identity; makes a new one after maxUses requests or when an answer shows it is used up. */
    private abstract static class Caller {
        private final int maxUses;
        private Identity current;

        Caller(int maxUses) {
            this.maxUses = maxUses;
        }

        abstract Identity create();

        abstract boolean usedUp(HttpResponse<String> r);

        synchronized Identity take() {
            if (current == null || current.uses().incrementAndGet() > maxUses) current = create();
            return current;
        }

        synchronized void replace(Identity used) {
            if (current == used) current = create();
        }

        /** A signed-in admin's browser session; a new admin user when it is signed out (e.g. deactivated by a fuzzed request). */
        static Caller adminPages(String firstEmail) {
            return new Caller(Integer.MAX_VALUE) {
                private String email = firstEmail;

                @Override
                Identity create() {
                    String e = email != null ? email : Fixtures.user(tenant, Role.ADMIN);
                    email = null;
                    Browser b = new Browser().signedIn(e);
                    return new Identity(cookies(b), b.csrfToken(), Map.of(), b.ip());
                }

                @Override
                boolean usedUp(HttpResponse<String> r) {
                    return r.statusCode() == 429 || r.statusCode() == 303
                            && r.headers().firstValue("Location").orElse("").startsWith("/login");
                }
            };
        }

        /** Bearer tokens of admin users, a new user every 25 requests: the API allows 30 writes a minute per user. */
        static Caller adminApi() {
            return new Caller(25) {
                @Override
                Identity create() {
                    String token = Fixtures.apiToken(Fixtures.user(tenant, Role.ADMIN));
                    return new Identity(null, null, Map.of("Authorization", "Bearer " + token), null);
                }

                @Override
                boolean usedUp(HttpResponse<String> r) {
                    return r.statusCode() == 401 || r.statusCode() == 429;
                }
            };
        }

        /** A browser that is not signed in: its pre-session cookie and CSRF token, a new IP per request (login throttle). */
        static Caller anonymousPages() {
            return new Caller(Integer.MAX_VALUE) {
                @Override
                Identity create() {
                    Browser b = new Browser();
                    String csrf = Browser.csrfIn(b.get("/login").body());
                    return new Identity(cookies(b), csrf, Map.of(), null);
                }

                @Override
                boolean usedUp(HttpResponse<String> r) {
                    return false;
                }
            };
        }

        static Caller anonymousApi() {
            return new Caller(Integer.MAX_VALUE) {
                @Override
                Identity create() {
                    return new Identity(null, null, Map.of(), null);
                }

                @Override
                boolean usedUp(HttpResponse<String> r) {
                    return false;
                }
            };
        }

        /** A merchant signed in at the portal; a new merchant every few requests (10 unknown codes a minute per merchant). */
        static Caller merchantPages(String firstKey, int maxUses) {
            return new Caller(maxUses) {
                private String key = firstKey;

                @Override
                Identity create() {
                    MerchantPortal portal = MerchantPortal.signedIn(key != null ? key : newMerchantKey());
                    key = null;
                    return new Identity(cookies(portal.browser()), Browser.csrfIn(portal.home().body()), Map.of(), null);
                }

                @Override
                boolean usedUp(HttpResponse<String> r) {
                    return r.statusCode() == 429 || r.statusCode() == 303
                            && r.headers().firstValue("Location").orElse("").equals("/comercio");
                }
            };
        }

        static Caller merchantApi() {
            return new Caller(8) {
                @Override
                Identity create() {
                    return new Identity(null, null, Map.of("X-Merchant-Key", newMerchantKey()), null);
                }

                @Override
                boolean usedUp(HttpResponse<String> r) {
                    return r.statusCode() == 401 || r.statusCode() == 429;
                }
            };
        }
    }

    private static Caller callerFor(String path, Who who) {
        return (isApi(path) ? apiCallers : pageCallers).get(who);
    }

    /**
     * A merchant of the test tenant with a fresh API key, stored directly with a cheap bcrypt hash:
     * the portal and the API check it like any other, without a quarter of a second of bcrypt each.
     */
    private static String newMerchantKey() {
        byte[] p = new byte[6];
        SecureRandom random = new SecureRandom();
        random.nextBytes(p);
        String prefix = HexFormat.of().formatHex(p);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < 43; i++) secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
        String key = "mk_" + prefix + "_" + secret;
        new MerchantRepository(TestDatabase.get().dsl()).create(tenant.id(),
                new MerchantRepository.Fields("Comercio fuzz " + SEQ.incrementAndGet(), "Tienda", null, null, null, true),
                new MerchantKeys.NewKey(key, prefix, BCrypt.withDefaults().hashToString(4, key.toCharArray())));
        return key;
    }

    private static String cookies(Browser b) {
        List<HttpCookie> list = b.cookies().getCookieStore().get(URI.create(TestApp.baseUrl()));
        return list.stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
    }

    /** Staff routes: an admin. Public ones: anonymous, or a merchant where only the merchant's pages show the form or anonymous gets 401. */
    private static List<Who> callers(Routes.Route route, Map<Who, Caller> crawlApi) {
        if (!route.isPublic()) return List.of(Who.ADMIN);
        String path = fill(route.path(), realValues.get(route), null, null);
        if (isApi(path)) {
            HttpResponse<String> r = send(crawlApi.get(Who.ANONYMOUS), new Attempt("probe", "", route.method().name(), path, null,
                    hasBody(route) ? "{}" : null, false));
            return r != null && r.statusCode() == 401 ? List.of(Who.ANONYMOUS, Who.MERCHANT) : List.of(Who.ANONYMOUS);
        }
        if (HandlerType.GET.equals(route.method())) return List.of(Who.ANONYMOUS);
        boolean anonymousForm = formFor(route, Who.ANONYMOUS, path) != null;
        boolean merchantForm = formFor(route, Who.MERCHANT, path) != null;
        return merchantForm && !anonymousForm ? List.of(Who.MERCHANT) : List.of(Who.ANONYMOUS);
    }

    // ---- Crawl: links, forms, ids ----

    /**
     * Rounds of: GET every route whose placeholders have real values (pages as their caller, the
     * API as an admin), then look for more real values. Then the public pages' forms are sent once
     * as they are and their answers read too: the portal shows its confirm form only after a code
     * was verified.
     */
    private static void crawl(Map<Who, Caller> pages, Map<Who, Caller> api) {
        Set<String> crawled = new LinkedHashSet<>();
        for (int round = 0; round < 4; round++) {
            List<CompletableFuture<Void>> gets = new ArrayList<>();
            for (Routes.Route route : routes) {
                if (!HandlerType.GET.equals(route.method())) continue;
                String path = resolved(route);
                if (path == null) continue;
                for (Who who : route.isPublic() ? List.of(Who.ANONYMOUS, Who.MERCHANT) : List.of(Who.ADMIN)) {
                    if (!crawled.add(who + " " + path)) continue;
                    gets.add(CompletableFuture.runAsync(() -> {
                        HttpResponse<String> r = send((isApi(path) ? api : pages).get(who), new Attempt("crawl", "", "GET", path, null, null, false));
                        if (r == null || r.statusCode() != 200) return;
                        synchronized (links) {
                            if (isApi(path)) harvestJson(r.body());
                            else harvestPage(who, path, r.body());
                        }
                    }, pool));
                }
            }
            gets.forEach(CompletableFuture::join);
            for (Routes.Route route : routes) if (!destructive(route)) resolve(route, pages, api);
        }
        for (Routes.Route route : routes) if (destructive(route)) resolve(route, pages, api);
        for (Who who : List.of(Who.ANONYMOUS, Who.MERCHANT)) {
            for (Form form : List.copyOf(forms.get(who))) {
                String last = form.action().substring(form.action().lastIndexOf('/') + 1);
                if (!form.method().equals("post") || DESTRUCTIVE.contains(last) || isApi(form.action())) continue;
                Baseline asShown = new Baseline(form.fields().stream().map(f -> f.kind().equals("off") ? f
                        : new Field(f.name(), f.value(), "fill", f.id())).toList(), Set.of(), Set.of());
                HttpResponse<String> r = send(pages.get(who), new Attempt("crawl", "", "POST", form.action(), asShown.form(), null, false));
                if (r != null && r.statusCode() < 300) harvestPage(who, form.action(), r.body());
            }
        }
    }

    /**
     * A form control: its name and value, its element id, and how a blank value is sent: "fill"
     * (a required field: a fresh valid value), "as-is" (blank stays blank), "off" (an unchecked box: not sent).
     */
    private record Field(String name, String value, String kind, String id) {
    }

    private record Form(String action, String method, List<Field> fields) {
        List<String> names() {
            return fields.stream().map(Field::name).distinct().toList();
        }
    }

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTROL = Pattern.compile(
            "<input\\b([^>]*)>|<select\\b([^>]*)>(.*?)</select>|<textarea\\b([^>]*)>(.*?)</textarea>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");
    private static final Pattern LINK = Pattern.compile("(?:href|action|src)\\s*=\\s*\"(/[^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private static void harvestPage(Who who, String page, String html) {
        Matcher l = LINK.matcher(html);
        while (l.find()) links.get(who).add(stripQuery(unescape(l.group(1))));
        Matcher f = FORM.matcher(html);
        while (f.find()) {
            Map<String, String> attrs = attributes(f.group(1));
            String action = stripQuery(unescape(attrs.getOrDefault("action", page)));
            if (action.isEmpty()) action = page;
            List<Field> fields = new ArrayList<>();
            Matcher c = CONTROL.matcher(f.group(2));
            while (c.find()) {
                if (c.group(1) != null) {
                    Map<String, String> a = attributes(c.group(1));
                    String type = a.getOrDefault("type", "text").toLowerCase();
                    String name = a.get("name");
                    if (name == null || Set.of("submit", "button", "file", "reset", "image").contains(type)) continue;
                    if (type.equals("checkbox") || type.equals("radio")) {
                        if (a.containsKey("checked")) {
                            fields.removeIf(x -> x.name().equals(name) && x.kind().equals("off"));
                            fields.add(new Field(name, unescape(a.getOrDefault("value", "on")), "as-is", a.get("id")));
                        } else if (fields.stream().noneMatch(x -> x.name().equals(name))) {
                            fields.add(new Field(name, "", "off", a.get("id")));
                        }
                        continue;
                    }
                    // Only required blanks are filled: a blank optional password means "unchanged", a blank filter "none".
                    boolean fill = a.containsKey("required") && !type.equals("hidden");
                    fields.add(new Field(name, unescape(a.getOrDefault("value", "")), fill ? "fill" : "as-is", a.get("id")));
                } else if (c.group(2) != null) {
                    Map<String, String> a = attributes(c.group(2));
                    if (!a.containsKey("name")) continue;
                    List<Map<String, String>> options = new ArrayList<>();
                    Matcher o = OPTION.matcher(c.group(3));
                    while (o.find()) options.add(attributes(o.group(1)));
                    List<Map<String, String>> selected = options.stream().filter(x -> x.containsKey("selected")).toList();
                    if (selected.isEmpty() && !options.isEmpty() && !a.containsKey("multiple")) selected = List.of(options.get(0));
                    if (selected.isEmpty()) fields.add(new Field(a.get("name"), "", "off", a.get("id")));
                    for (Map<String, String> s : selected) {
                        fields.add(new Field(a.get("name"), unescape(s.getOrDefault("value", "")), "as-is", a.get("id")));
                    }
                } else {
                    Map<String, String> a = attributes(c.group(4));
                    if (a.containsKey("name")) {
                        fields.add(new Field(a.get("name"), unescape(c.group(5)), a.containsKey("required") ? "fill" : "as-is", a.get("id")));
                    }
                }
            }
            forms.get(who).add(new Form(action, attrs.getOrDefault("method", "get").toLowerCase(), fields));
        }
    }

    /** The form that posts to this route, preferably to its real path, as this caller's pages show it. */
    private static Form formFor(Routes.Route route, Who who, String resolvedPath) {
        List<Form> matching = forms.get(who).stream()
                .filter(f -> f.method().equals("post") && pattern(route.path()).matcher(f.action()).matches()).toList();
        return matching.stream().filter(f -> f.action().equals(resolvedPath)).findFirst()
                .orElse(matching.isEmpty() ? null : matching.get(0));
    }

    private static void harvestJson(String body) {
        try {
            collectIds(Api.JSON.readTree(body), null);
        } catch (IOException | RuntimeException ignored) {
            // not JSON: nothing to learn
        }
    }

    private static void collectIds(JsonNode node, String key) {
        if (node == null) return;
        if (node.isContainerNode()) {
            if (node.isObject()) node.fields().forEachRemaining(e -> collectIds(e.getValue(), e.getKey()));
            else node.forEach(n -> collectIds(n, key));
        } else if (key != null && (key.equals("id") || key.endsWith("_id") || key.endsWith("code") || key.equals("slug"))
                && (node.isTextual() || node.isIntegralNumber())) {
            jsonIds.add(node.asText());
        }
    }

    /**
     * A real value for the route's placeholder: candidates from links matching the route and from
     * the ids seen in JSON, the first one that a GET of the route (or of its nearest GET sibling)
     * answers 200. Destructive routes, resolved last, try them from the end: they get the other one of the seeded twins.
     */
    private static void resolve(Routes.Route route, Map<Who, Caller> pages, Map<Who, Caller> api) {
        List<String> names = placeholders(route.path());
        Map<String, String> values = realValues.computeIfAbsent(route, r -> new LinkedHashMap<>());
        if (names.isEmpty() || values.keySet().containsAll(names)) return;
        Routes.Route probe = routes.stream()
                .filter(g -> HandlerType.GET.equals(g.method()) && placeholders(g.path()).equals(names)
                        && (g.path().equals(route.path()) || g.path().startsWith(route.path() + "/") || route.path().startsWith(g.path() + "/")))
                .min(Comparator.comparing(g -> g.path().length())).orElse(null);
        if (probe == null) return;
        Caller caller = (isApi(probe.path()) ? api : pages).get(probe.isPublic() ? Who.ANONYMOUS : Who.ADMIN);
        List<String> fromLinks = new ArrayList<>();
        Pattern own = pattern(probe.path());
        for (Set<String> seen : links.values()) {
            for (String link : seen) {
                Matcher m = own.matcher(link);
                if (m.matches()) fromLinks.add(m.group(1));
            }
        }
        List<String> fromJson = new ArrayList<>(jsonIds);
        if (destructive(route)) {
            Collections.reverse(fromLinks);
            Collections.reverse(fromJson);
        }
        // The other routes agree on one of the twins where they can; a destructive route takes one that no
        // other route of its family (the same path up to the placeholder) uses.
        String family = route.path().substring(0, route.path().indexOf('{'));
        Set<String> usedByOthers = realValues.entrySet().stream().filter(e -> !destructive(e.getKey())
                        && (!destructive(route) || e.getKey().path().startsWith(family)))
                .flatMap(e -> e.getValue().values().stream()).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> candidates = new LinkedHashSet<>();
        if (!destructive(route)) usedByOthers.stream().filter(v -> fromLinks.contains(v) || fromJson.contains(v)).forEach(candidates::add);
        candidates.addAll(fromLinks);
        candidates.addAll(fromJson);
        if (destructive(route)) {
            List<String> unused = candidates.stream().filter(c -> !usedByOthers.contains(c)).toList();
            if (unused.isEmpty()) shared.add(route);
            else candidates = new LinkedHashSet<>(unused);
        }
        // "new" in /productos/new is a page of its own, not an id.
        candidates.removeIf(c -> routes.stream().anyMatch(r -> List.of(r.path().split("/")).contains(c)));
        int tries = 0;
        for (String candidate : candidates) {
            if (tries++ >= 40) break;
            HttpResponse<String> r = send(caller, new Attempt("probe", "", "GET", fill(probe.path(), Map.of(names.get(0), candidate), null, null),
                    null, null, false));
            if (r != null && r.statusCode() == 200) {
                values.put(names.get(0), candidate);
                if (!destructive(route)) realValues.computeIfAbsent(probe, p -> new LinkedHashMap<>()).putIfAbsent(names.get(0), candidate);
                return;
            }
        }
    }

    /** The path of a route with real values, or null while a placeholder has none. */
    private static String resolved(Routes.Route route) {
        Map<String, String> values = realValues.getOrDefault(route, Map.of());
        if (!values.keySet().containsAll(placeholders(route.path()))) return null;
        return fill(route.path(), values, null, null);
    }

    // ---- Data: two of everything, so every list has rows and every lookup a real id ----

    private static void seed() {
        RewardsData rewards = RewardsData.of(tenant);
        Api admin = rewards.admin();
        List<Long> productos = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            Api.Response p = admin.post("/api/productos", Map.of("sku", "FUZZ-" + i, "nombre", "Producto " + i, "precio", 1000 * i));
            harvestJson(p.raw().body());
            productos.add(p.json().get("id").asLong());
        }
        seeded.put("producto_id", productos.get(0));
        for (int i = 1; i <= 2; i++) {
            Map<String, Object> oferta = new LinkedHashMap<>();
            oferta.put("titulo", "Oferta fuzz " + i);
            oferta.put("desde", LocalDate.now().minusDays(1) + "T00:00:00");
            oferta.put("hasta", LocalDate.now().plusDays(30) + "T23:59:59");
            oferta.put("tipo", "porcentaje");
            oferta.put("descuento_porcentaje", 10);
            oferta.put("productos", productos);
            harvestJson(admin.post("/api/ofertas", oferta).raw().body());
        }
        for (int i = 1; i <= 2; i++) {
            JsonNode merchant = rewards.merchant("Comercio semilla " + i);
            harvestJson(merchant.toString());
            String merchantId = merchant.get("merchant_id").asText();
            String offerId = rewards.offer("Café gratis " + i, merchantId, 10);
            jsonIds.add(offerId);
            long customer = rewards.customer("Cliente Fuzz " + i, "cliente-fuzz-" + i + "@example.com", 500);
            jsonIds.add(String.valueOf(customer));
            JsonNode redemption = rewards.redeem(customer, offerId);
            harvestJson(redemption.toString());
            if (i == 1) {
                seeded.put("api_key", merchant.get("api_key").asText());
                seeded.put("merchant_id", merchantId);
                seeded.put("offer_id", offerId);
                seeded.put("customer_id", customer);
                seeded.put("code", redemption.get("redemption_code").asText());
            }
        }
        harvestJson(admin.get("/api/me").raw().body());
    }

    /** A valid value for a field, by its name (unique where it must be), as a JSON client would send it; null: leave it out. */
    private static Object sample(String field) {
        int n = SEQ.incrementAndGet();
        LocalDate today = LocalDate.now();
        return switch (field) {
            case "email", "contact_email" -> "fuzz" + n + "@example.com";
            case "password" -> "fuzz-password-" + n;
            case "sku" -> "FZ" + n;
            case "phone", "contact_phone" -> "+56912345678";
            case "webhook_url" -> "https://example.com/hook";
            case "precio" -> 1000;
            case "amount", "cantidad", "lumis_cost", "regalo_cantidad" -> 1;
            case "stock_quantity" -> 10;
            case "code_lifetime_hours" -> 24;
            case "compra_cantidad" -> 3;
            case "paga_cantidad" -> 2;
            case "descuento_porcentaje" -> 10;
            case "desde", "valid_from" -> today + "T00:00";
            case "hasta", "valid_to" -> today.plusDays(30) + "T23:59";
            case "tipo" -> "porcentaje";
            case "activa", "activo", "active", "is_active" -> true;
            case "customer_id", "offer_id", "merchant_id", "producto_id", "code" -> seeded.get(field);
            case "id", "regalo_producto_id" -> seeded.get("producto_id");
            case "productos" -> List.of(seeded.get("producto_id"));
            case "lineas" -> List.of(Map.of("producto_id", seeded.get("producto_id"), "cantidad", 1));
            case "reglas" -> List.of();
            case "role" -> "vendedor";
            case "direction" -> "credit";
            case "tenant" -> tenant.tenant().slug();
            default -> "Fuzz " + n;
        };
    }

    private static String sampleText(String field) {
        Object v = sample(field);
        return v == null || v instanceof List ? "" : String.valueOf(v);
    }

    // ---- Helpers ----

    private static List<String> badJson() {
        List<String> v = new ArrayList<>(List.of("1e309", "-1e309", "1e-400", "99999999999999999999999", "9223372036854775808",
                "-1", "true", "null", "[]", "{}"));
        for (String s : List.of("a\u0000b", "a\u0001\u001b\u007fb", "a\uD800b", "1e309", "NaN", FAR_DATE, LONG)) {
            v.add(quote(s));
        }
        return List.copyOf(v);
    }

    private static List<String> badJsonArrays(List<String> bad) {
        List<String> v = new ArrayList<>();
        for (String s : bad) {
            v.add("[" + s + "]");
            v.add(NESTED_FIELDS.stream().map(f -> quote(f) + ":" + s).collect(Collectors.joining(",", "[{", "}]")));
        }
        return List.copyOf(v);
    }

    private static boolean destructive(Routes.Route route) {
        String last = route.path().substring(route.path().lastIndexOf('/') + 1);
        return HandlerType.DELETE.equals(route.method()) || !HandlerType.GET.equals(route.method()) && DESTRUCTIVE.contains(last);
    }

    private static boolean hasBody(Routes.Route route) {
        return HandlerType.POST.equals(route.method()) || HandlerType.PUT.equals(route.method());
    }

    private static boolean isApi(String path) {
        return path.startsWith("/api/");
    }

    /** The route's path as a regular expression, a group for each placeholder. */
    private static Pattern pattern(String path) {
        Matcher m = PLACEHOLDER.matcher(path);
        StringBuilder re = new StringBuilder();
        int last = 0;
        while (m.find()) {
            re.append(Pattern.quote(path.substring(last, m.start()))).append("([^/]+)");
            last = m.end();
        }
        return Pattern.compile(re.append(Pattern.quote(path.substring(last))).toString());
    }

    private static List<String> placeholders(String path) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(path);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** The path with real values, one placeholder (when given) replaced by a raw, already encoded, bad value. */
    private static String fill(String path, Map<String, String> values, String fuzzed, String bad) {
        Matcher m = PLACEHOLDER.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String v = name.equals(fuzzed) ? bad : pct(values.getOrDefault(name, "1"));
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String query(Set<String> names, String bad, String tenantSlug) {
        return names.stream().map(n -> pct(n) + "=" + pct(n.equals("tenant") && tenantSlug != null ? tenantSlug : bad))
                .collect(Collectors.joining("&"));
    }

    /** The form with one field's values replaced by a single bad one (added when the form does not send it). */
    private static List<Map.Entry<String, String>> replaced(List<Map.Entry<String, String>> base, String field, String value) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        boolean done = false;
        for (Map.Entry<String, String> e : base) {
            if (!e.getKey().equals(field)) out.add(e);
            else if (!done) {
                out.add(Map.entry(field, value));
                done = true;
            }
        }
        if (!done) out.add(Map.entry(field, value));
        return out;
    }

    /** Percent-encoding as UTF-8; a lone surrogate becomes its three (invalid) bytes, as a careless client would send it. */
    private static String pct(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                b.append(c);
                continue;
            }
            byte[] bytes;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes = new byte[] {(byte) (0xE0 | c >> 12), (byte) (0x80 | (c >> 6 & 0x3F)), (byte) (0x80 | (c & 0x3F))};
            } else {
                bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            }
            for (byte x : bytes) b.append('%').append(String.format("%02X", x & 0xFF));
        }
        return b.toString();
    }

    private static String quote(String s) {
        return write(s);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value as a failure names it: control characters escaped, long ones shortened. */
    private static String label(String v) {
        if (v.length() > 40) return label(v.substring(0, 12)) + "…(" + v.length() + " chars)";
        StringBuilder b = new StringBuilder();
        for (char c : v.toCharArray()) {
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) {
            String v = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : "";
            out.put(m.group(1).toLowerCase(), v);
        }
        return out;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'")
                .replace("&#34;", "\"").replace("&amp;", "&");
    }

    private static String stripQuery(String url) {
        int q = url.indexOf('?');
        int h = url.indexOf('#');
        int end = q < 0 ? h : h < 0 ? q : Math.min(q, h);
        return end < 0 ? url : url.substring(0, end);
    }

    private static String randomIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }
}
