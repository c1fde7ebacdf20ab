package dev.mostrador.platform.fuzz;

import dev.mostrador.platform.web.Routes;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.mostrador.platform.fuzz.RoutePaths.hasBody;
import static dev.mostrador.platform.fuzz.RoutePaths.isApi;

/**
 * The valid request of every route with a body, per caller, corrected until the app accepts it: a
 * field its 422 names is filled when blank or missing, emptied or dropped when filled. So one bad
 * field at a time really reaches the database. Also which of them are slow: they get {@link BadValues#SHARP}.
 */
final class BaselineDiscovery {
    /** A route is slow when its baseline request takes longer than this, and five times the typical one. */
    private static final long SLOW_MILLIS = 250;
    private static final int ROUNDS = 4;
    private static final Pattern ERROR_SUMMARY = Pattern.compile("id=\"error-summary\"(.*?)</div>", Pattern.DOTALL);
    private static final Pattern ERROR_LINK = Pattern.compile("href=\"#([^\"]+)\"");
    private final RouteFindings findings;
    private final CallerSet callers;
    private final SeededData samples;
    /** Per route and caller ("POST /x ADMIN"): the request to put bad values into, its time, and whether it is slow. */
    private final Map<String, RouteBaseline> baselines = new LinkedHashMap<>();
    private final Map<String, Long> millis = new LinkedHashMap<>();
    private final Set<String> slow = new LinkedHashSet<>();

    private BaselineDiscovery(RouteFindings findings, CallerSet callers, SeededData samples) {
        this.findings = findings;
        this.callers = callers;
        this.samples = samples;
    }

    /** Discovers them one at a time: each is timed alone. */
    static BaselineDiscovery run(RouteFindings findings, Map<Routes.Route, List<CallerKind>> callersOf, CallerSet callers,
                                 SeededData samples) {
        BaselineDiscovery d = new BaselineDiscovery(findings, callers, samples);
        for (Routes.Route route : findings.routes()) {
            if (!hasBody(route)) continue;
            for (CallerKind kind : callersOf.get(route)) d.baselines.put(route + " " + kind, d.discover(route, kind));
        }
        // Slow: far slower than the typical baseline (the machine's load slows them all alike).
        long median = d.millis.values().stream().sorted().skip(d.millis.size() / 2).findFirst().orElse(0L);
        d.millis.forEach((key, ms) -> {
            if (ms > Math.max(SLOW_MILLIS, 5 * median)) d.slow.add(key);
        });
        return d;
    }

    /** The route's baseline for this caller; null for a route without a body. */
    RouteBaseline baseline(Routes.Route route, CallerKind kind) {
        return baselines.get(route + " " + kind);
    }

    boolean slow(Routes.Route route, CallerKind kind) {
        return slow.contains(route + " " + kind);
    }

    /** The quicker of its first two sends is its time. */
    private RouteBaseline discover(Routes.Route route, CallerKind kind) {
        FuzzCaller caller = callers.get(route.path(), kind);
        String path = findings.path(route);
        boolean api = isApi(path);
        RouteBaseline base = api ? RouteBaseline.ofJson(samples, JsonFieldDiscovery.fieldsNamedBy(route, caller, path))
                : RouteBaseline.ofForm(samples, findings.formFor(route, kind, path));
        for (int round = 0; round < ROUNDS && !findings.shared(route); round++) {
            caller.take(); // a new identity is made before the clock starts
            long start = System.nanoTime();
            HttpResponse<String> r = caller.send(FuzzRequest.plain("baseline", route.method().name(), path,
                    api ? null : base.form(), api ? base.json(null, null) : null));
            millis.merge(route + " " + kind, (System.nanoTime() - start) / 1_000_000, Math::min);
            if (r == null || r.statusCode() != 422) {
                if (round == 0) continue;
                break;
            }
            Set<String> rejected = api ? JsonFieldDiscovery.errorFields(r.body()) : pageErrorFields(r.body(), base.fields());
            if (rejected.isEmpty()) break;
            for (String name : rejected) {
                if (api) correctJson(base, name);
                else correctForm(base, name);
            }
        }
        return base;
    }

    /** A rejected JSON field is dropped when sent, added when missing (and a valid value is known). */
    private void correctJson(RouteBaseline base, String name) {
        if (!base.jsonFields().remove(name) && samples.sample(name) != null) base.jsonFields().add(name);
    }

    /** A rejected form field is filled when blank or unchecked, emptied when filled. */
    private static void correctForm(RouteBaseline base, String name) {
        List<FormControl> fields = base.fields();
        for (int i = 0; i < fields.size(); i++) {
            FormControl f = fields.get(i);
            if (!f.name().equals(name)) continue;
            boolean blank = f.kind().equals("off") || f.value().isEmpty();
            fields.set(i, blank ? new FormControl(f.name(), "", "fill", f.id()) : new FormControl(f.name(), "", "as-is", f.id()));
        }
    }

    /** The fields a page's error summary links to (by their element id). */
    private static Set<String> pageErrorFields(String html, List<FormControl> fields) {
        Set<String> names = new LinkedHashSet<>();
        if (fields == null) return names;
        Matcher summary = ERROR_SUMMARY.matcher(html);
        if (!summary.find()) return names;
        Matcher link = ERROR_LINK.matcher(summary.group(1));
        while (link.find()) {
            String id = link.group(1);
            fields.stream().filter(f -> id.equals(f.id()) || id.equals(f.name())).map(FormControl::name).findFirst().ifPresent(names::add);
        }
        return names;
    }
}
