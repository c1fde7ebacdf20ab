package dev.mostrador.platform.fuzz;

import dev.mostrador.platform.web.Routes;
import io.javalin.http.HandlerType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.mostrador.platform.fuzz.KnownParameterNames.FORM_NAMES;
import static dev.mostrador.platform.fuzz.KnownParameterNames.QUERY_NAMES;
import static dev.mostrador.platform.fuzz.KnownParameterNames.everyJsonFieldAs;
import static dev.mostrador.platform.fuzz.RoutePaths.fill;
import static dev.mostrador.platform.fuzz.RoutePaths.isApi;
import static dev.mostrador.platform.fuzz.RoutePaths.pattern;
import static dev.mostrador.platform.fuzz.RoutePaths.placeholders;
import static dev.mostrador.platform.fuzz.WireEncoding.pct;

/**
 * The bad requests for a route and caller, in named groups (one test each, what a failure names):
 * each path placeholder; query names one at a time and all at once; form fields one at a time and
 * all at once; whole JSON bodies, every known JSON field at once, and each field the route reads.
 */
final class AttackPlan {
    private final RouteFindings findings;
    private final BaselineDiscovery baselines;
    private final SeededData samples;
    private final String tenantSlug;

    AttackPlan(RouteFindings findings, BaselineDiscovery baselines, SeededData samples, String tenantSlug) {
        this.findings = findings;
        this.baselines = baselines;
        this.samples = samples;
        this.tenantSlug = tenantSlug;
    }

    Map<String, List<FuzzRequest>> groups(Routes.Route route, CallerKind kind) {
        Map<String, List<FuzzRequest>> groups = new LinkedHashMap<>();
        BadValues values = baselines.slow(route, kind) ? BadValues.SHARP : BadValues.ALL;
        RouteBaseline base = baselines.baseline(route, kind);
        String method = route.method().name();
        String path = findings.path(route);
        boolean api = isApi(route.path());
        Map<String, String> real = findings.realValues(route);
        for (String p : placeholders(route.path())) {
            put(groups, "path " + p, BadValues.PATH, v -> new FuzzRequest("path " + p, v, method, fill(route.path(), real, p, v),
                    base == null || api ? null : base.form(), base == null || !api ? null : base.json(null, null), false));
        }
        if (HandlerType.GET.equals(route.method())) addQueries(groups, route, kind, path, values);
        if (base != null && !api) addForms(groups, method, path, base, values);
        if (base != null && api) addJson(groups, method, path, base, values);
        return groups;
    }

    private void addQueries(Map<String, List<FuzzRequest>> groups, Routes.Route route, CallerKind kind, String path, BadValues values) {
        String method = route.method().name();
        List<String> own = findings.forms(kind).stream()
                .filter(f -> f.method().equals("get") && pattern(route.path()).matcher(f.action()).matches())
                .flatMap(f -> f.names().stream()).distinct().filter(n -> !n.equals("_csrf")).toList();
        Set<String> names = new LinkedHashSet<>(QUERY_NAMES);
        names.addAll(own);
        put(groups, "query (every name at once)", values.text(), v -> new FuzzRequest("query *", v, method,
                path + "?" + query(names, v, null), null, null, false));
        if (route.isPublic()) {
            // Anonymous callers name their tenant in the query: a bad one alone would hide the others.
            put(groups, "query (every name at once but a real tenant)", values.text(), v -> new FuzzRequest(
                    "query * (tenant=" + tenantSlug + ")", v, method, path + "?" + query(names, v, tenantSlug), null, null, false));
        }
        for (String n : own) {
            put(groups, "query " + n, values.text(), v -> new FuzzRequest("query " + n, v, method,
                    path + "?" + pct(n) + "=" + pct(v), null, null, false));
        }
    }

    private static void addForms(Map<String, List<FuzzRequest>> groups, String method, String path, RouteBaseline base,
                                 BadValues values) {
        boolean shown = base.fields() != null;
        List<String> fields = shown ? base.fields().stream().map(FormControl::name).distinct().toList() : FORM_NAMES;
        if (shown) {
            for (String f : fields) {
                put(groups, "form " + f, values.text(), v -> new FuzzRequest("form " + f, v, method, path,
                        replaced(base.form(), f, v), null, f.equals("_csrf")));
            }
        }
        List<String> bare = fields.stream().filter(f -> !f.equals("_csrf")).toList();
        if (!bare.isEmpty()) {
            put(groups, shown ? "form (every field at once)" : "form (every known name at once: no page shows its form)",
                    values.text(), v -> new FuzzRequest("form *", v, method, path, bare.stream().map(f -> Map.entry(f, v)).toList(),
                            null, false));
        }
    }

    private void addJson(Map<String, List<FuzzRequest>> groups, String method, String path, RouteBaseline base, BadValues values) {
        put(groups, "body", values.body(), v -> new FuzzRequest("body", v, method, path, null, v, false));
        // A route that names no field reads none: every field at once gets the sharp values only.
        BadValues everyField = base.named().isEmpty() ? BadValues.SHARP : values;
        put(groups, "json (every known field at once)", everyField.json(true), v -> new FuzzRequest("json *", v, method, path, null,
                everyJsonFieldAs(v), false));
        Set<String> fields = new LinkedHashSet<>(base.named());
        fields.addAll(base.jsonFields());
        for (String f : fields) {
            put(groups, "json " + f, values.json(samples.holdsArray(f)), v -> new FuzzRequest("json " + f, v, method, path, null,
                    base.json(f, v), false));
        }
    }

    private static void put(Map<String, List<FuzzRequest>> groups, String group, List<String> values,
                            Function<String, FuzzRequest> request) {
        groups.put(group, values.stream().map(request).toList());
    }

    /** Every name set to the bad value, but tenant to the real one when given. */
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
}
