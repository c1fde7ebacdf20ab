package dev.mostrador.platform.fuzz;

import dev.mostrador.platform.web.Routes;
import io.javalin.http.HandlerType;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.mostrador.platform.fuzz.RoutePaths.destructive;
import static dev.mostrador.platform.fuzz.RoutePaths.fill;
import static dev.mostrador.platform.fuzz.RoutePaths.pattern;
import static dev.mostrador.platform.fuzz.RoutePaths.placeholders;

/**
 * A real value for a route's placeholder, so that its other parameters reach the code behind the
 * lookup: candidates from links matching the route and from the ids seen in JSON, the first one
 * that a GET of the route (or of its nearest GET sibling) answers 200. Destructive routes, resolved
 * last, try them from the end: they get the other one of the seeded twins.
 */
final class PathValueDiscovery {
    /** A bound on the GETs one route's lookup costs. */
    private static final int MAX_TRIES = 40;
    private final RouteFindings findings;
    private final CallerSet callers;

    PathValueDiscovery(RouteFindings findings, CallerSet callers) {
        this.findings = findings;
        this.callers = callers;
    }

    void resolve(Routes.Route route) {
        List<String> names = placeholders(route.path());
        Map<String, String> values = findings.realValues(route);
        if (names.isEmpty() || values.keySet().containsAll(names)) return;
        Routes.Route probe = findings.routes().stream()
                .filter(g -> HandlerType.GET.equals(g.method()) && placeholders(g.path()).equals(names)
                        && (g.path().equals(route.path()) || g.path().startsWith(route.path() + "/") || route.path().startsWith(g.path() + "/")))
                .min(Comparator.comparing(g -> g.path().length())).orElse(null);
        if (probe == null) return;
        FuzzCaller caller = callers.get(probe.path(), probe.isPublic() ? CallerKind.ANONYMOUS : CallerKind.ADMIN);
        int tries = 0;
        for (String candidate : candidates(route, probe)) {
            if (tries++ >= MAX_TRIES) break;
            HttpResponse<String> r = caller.send(FuzzRequest.plain("probe", "GET",
                    fill(probe.path(), Map.of(names.get(0), candidate), null, null), null, null));
            if (r != null && r.statusCode() == 200) {
                values.put(names.get(0), candidate);
                if (!destructive(route)) findings.realValues(probe).putIfAbsent(names.get(0), candidate);
                return;
            }
        }
    }

    private Set<String> candidates(Routes.Route route, Routes.Route probe) {
        List<String> fromLinks = new ArrayList<>();
        Pattern own = pattern(probe.path());
        for (String link : findings.links()) {
            Matcher m = own.matcher(link);
            if (m.matches()) fromLinks.add(m.group(1));
        }
        List<String> fromJson = findings.jsonIds();
        if (destructive(route)) {
            Collections.reverse(fromLinks);
            Collections.reverse(fromJson);
        }
        // The other routes agree on one of the twins where they can; a destructive route takes one that no
        // other route of its family (the same path up to the placeholder) uses.
        String family = route.path().substring(0, route.path().indexOf('{'));
        Set<String> usedByOthers = findings.allRealValues().entrySet().stream().filter(e -> !destructive(e.getKey())
                        && (!destructive(route) || e.getKey().path().startsWith(family)))
                .flatMap(e -> e.getValue().values().stream()).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> candidates = new LinkedHashSet<>();
        if (!destructive(route)) usedByOthers.stream().filter(v -> fromLinks.contains(v) || fromJson.contains(v)).forEach(candidates::add);
        candidates.addAll(fromLinks);
        candidates.addAll(fromJson);
        if (destructive(route)) {
            List<String> unused = candidates.stream().filter(c -> !usedByOthers.contains(c)).toList();
            if (unused.isEmpty()) findings.markShared(route);
            else candidates = new LinkedHashSet<>(unused);
        }
        // "new" in /productos/new is a page of its own, not an id.
        candidates.removeIf(c -> findings.routes().stream().anyMatch(r -> List.of(r.path().split("/")).contains(c)));
        return candidates;
    }
}
